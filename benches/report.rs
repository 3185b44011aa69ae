//! Benchmark of building `report.html` from an output folder, on synthetic tables generated in
//! the setup: 10,000 and 100,000 articles with about 8 entities, 3 quotes and 3 events each, and
//! names drawn from a long-tailed distribution over 300,000 people (so the bounded counters
//! must evict). Time for a million articles is about ten times the 100,000 figure.

use divan::Bencher;
use divan::counter::ItemsCount;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// A small deterministic generator (xorshift64*), so the tables are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// A rank in 0..n with a long tail: log-uniform, so low ranks are far more frequent.
    fn long_tail(&mut self, n: u64) -> u64 {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as u64).saturating_sub(1).min(n - 1)
    }
}

const TYPES: [&str; 12] = [
    "strike",
    "election",
    "merger",
    "flood",
    "attack",
    "trial",
    "visit",
    "resignation",
    "match",
    "protest",
    "accident",
    "summit",
];

/// Writes an output folder of `articles` articles and returns it with its number of rows.
fn generate(dir: &Path, articles: u64) -> u64 {
    std::fs::create_dir_all(dir).expect("folder");
    let open = |name: &str, header: &str| {
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(dir.join(format!("{name}.csv"))).expect("table"),
        );
        writeln!(f, "{header}").expect("header");
        f
    };
    let mut a = open(
        "articles",
        "article_id,source_id,path,record,title,published,url,authors,language,chars,words,sentences,entities,mentions,quotes,times,events,content_hash,status",
    );
    let mut e = open(
        "entities",
        "article_id,entity_id,type,canonical,mentions,surface_forms,first_start",
    );
    let mut q = open(
        "quotes",
        "article_id,quote_id,kind,speaker,speaker_entity_id,speaker_text,speaker_start,speaker_end,cue,cue_start,cue_end,text,start,end,sentence",
    );
    let mut v = open(
        "events",
        "article_id,event_id,type,status,trigger,trigger_start,trigger_end,date_text,date,place,participants,sentence,evidence,mentions",
    );
    let mut r = open("errors", "path,record,stage,kind,message");
    open(
        "mentions",
        "article_id,entity_id,type,text,start,end,sentence",
    );
    open(
        "times",
        "article_id,time_id,text,type,value,start,end,sentence",
    );
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut rows = 0u64;
    for i in 0..articles {
        let id = format!("feeds/{:03}/{i}.json", i % 997);
        let day = 1 + rng.below(28);
        let month = 1 + rng.below(3);
        let (ne, nq, nv) = (4 + rng.below(9), rng.below(7), rng.below(7));
        for k in 0..ne {
            let (ty, name) = match rng.below(3) {
                0 => ("PERSON", format!("Person {}", rng.long_tail(300_000))),
                1 => ("ORG", format!("Organisation {}", rng.long_tail(100_000))),
                _ => ("LOC", format!("Place {}", rng.long_tail(20_000))),
            };
            writeln!(e, "{id},{},{ty},{name},2,{name},{}", k + 1, k * 40).expect("row");
        }
        for k in 0..nq {
            let speaker = if rng.below(5) == 0 {
                String::new()
            } else {
                format!("Person {}", rng.long_tail(300_000))
            };
            writeln!(
                q,
                "{id},{},direct,{speaker},,{speaker},10,20,said,21,25,\"We will keep the harbour open, whatever the weather brings this winter, number {k}.\",30,110,{}",
                k + 1,
                k + 2
            )
            .expect("row");
        }
        for k in 0..nv {
            let date = match rng.below(10) {
                0..=6 => format!("2025-{:02}-{:02}", 1 + rng.below(3), 1 + rng.below(28)),
                7 => "2025-03".to_string(),
                8 => "XXXX-06-05".to_string(),
                _ => String::new(),
            };
            writeln!(
                v,
                "{id},{},{},occurred,walked out,10,20,on Monday,{date},Place {},Person 1; Organisation 2,3,\"Workers walked out on Monday after talks with the port authority collapsed.\",1",
                k + 1,
                TYPES[rng.long_tail(TYPES.len() as u64) as usize],
                rng.long_tail(20_000)
            )
            .expect("row");
        }
        writeln!(
            a,
            "{id},,{id},,Harbour workers strike as talks collapse in week {i},2025-{month:02}-{day:02}T08:00:00Z,https://news.example.org/{i},Kari Voll,en,2400,420,20,{ne},{},{nq},5,{nv},0123456789abcdef0123456789abcdef,ok",
            ne * 2
        )
        .expect("row");
        rows += 1 + ne + nq + nv;
        if i % 100 == 0 {
            writeln!(r, "bad/{i}.bin,,decode,binary,NUL bytes in the file").expect("row");
            rows += 1;
        }
    }
    for mut f in [a, e, q, v, r] {
        f.flush().expect("flush");
    }
    rows
}

/// The generated folder for `articles` articles (made once) and its number of rows.
fn folder(articles: u64) -> (&'static Path, u64) {
    static SMALL: OnceLock<(tempfile::TempDir, PathBuf, u64)> = OnceLock::new();
    static LARGE: OnceLock<(tempfile::TempDir, PathBuf, u64)> = OnceLock::new();
    let cell = if articles <= 10_000 { &SMALL } else { &LARGE };
    let (_, path, rows) = cell.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let path = tmp.path().join("out");
        let rows = generate(&path, articles);
        (tmp, path, rows)
    });
    (path.as_path(), *rows)
}

#[divan::bench(args = [10_000, 100_000], sample_count = 5, sample_size = 1)]
fn build_report(bencher: Bencher, articles: u64) {
    let (path, rows) = folder(articles);
    bencher
        .counter(ItemsCount::new(rows))
        .bench(|| newsmine::report::build_report(divan::black_box(path)).expect("report"));
}
