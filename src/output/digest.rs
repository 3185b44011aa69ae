//! Fingerprints of the tables: a writer and a reader that hash (BLAKE3) and count every byte
//! that passes through them, so a manifest can say exactly which tables it describes.

use serde::{Deserialize, Serialize};
use std::io::{self, Read, Write};

/// The size and BLAKE3 hash of a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Digest {
    /// Length in bytes.
    pub bytes: u64,
    /// BLAKE3 hash, lower-case hex.
    pub blake3: String,
}

/// A writer that hashes what it writes.
#[derive(Debug)]
pub struct HashingWriter<W> {
    inner: W,
    hasher: blake3::Hasher,
    bytes: u64,
}

impl<W: Write> HashingWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: blake3::Hasher::new(),
            bytes: 0,
        }
    }

    /// The inner writer and the digest of everything written.
    pub fn into_parts(self) -> (W, Digest) {
        let digest = Digest {
            bytes: self.bytes,
            blake3: self.hasher.finalize().to_hex().to_string(),
        };
        (self.inner, digest)
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A reader that hashes what it reads.
#[derive(Debug)]
pub struct HashingReader<R> {
    inner: R,
    hasher: blake3::Hasher,
    bytes: u64,
}

impl<R: Read> HashingReader<R> {
    /// Wraps `inner`.
    pub fn new(inner: R) -> Self {
        HashingReader {
            inner,
            hasher: blake3::Hasher::new(),
            bytes: 0,
        }
    }

    /// Reads the rest of the input and returns the digest of everything read.
    pub fn finish(mut self) -> io::Result<Digest> {
        io::copy(&mut self, &mut io::sink())?;
        Ok(Digest {
            bytes: self.bytes,
            blake3: self.hasher.finalize().to_hex().to_string(),
        })
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// The BLAKE3 hash of `bytes` as 32 hex digits (128 bits: plenty to tell file versions apart).
pub fn short_hash(bytes: &[u8]) -> String {
    let hex = blake3::hash(bytes).to_hex();
    hex.as_str()[..32].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_and_reader_agree() {
        let mut w = HashingWriter::new(Vec::new());
        w.write_all(b"article_id,x\n1,2\n").unwrap();
        let (bytes, written) = w.into_parts();
        let mut r = HashingReader::new(&bytes[..]);
        let mut first = [0u8; 4];
        r.read_exact(&mut first).unwrap();
        assert_eq!(r.finish().unwrap(), written);
        assert_eq!(written.bytes, 17);
    }
}
