//! Any bytes through decoding, every input format and the analysis: nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmine::corpus::decode::decode;
use newsmine::corpus::discover::InputFile;
use newsmine::corpus::formats::{parse, Format};

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes) else { return };
    for (format, extension) in [
        (Format::Text, "txt"),
        (Format::Json, "json"),
        (Format::JsonLines, "jsonl"),
        (Format::Html, "html"),
    ] {
        let file = InputFile {
            path: "fuzz".into(),
            display_path: "fuzz".into(),
            id: "fuzz".into(),
            extension: extension.into(),
        };
        for article in parse(&file, format, &decoded.text, None).into_iter().flatten() {
            let _ = newsmine::analyse(&article);
        }
    }
});
