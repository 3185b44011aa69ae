//! The CoNLL-2003 column format: one token a line (token first, tag last), blank lines between
//! sentences, `-DOCSTART-` lines between documents.

/// One sentence: its tokens and their tags as written (IOB1 or IOB2).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// The tag of each token.
    pub tags: Vec<String>,
}

/// One document: its sentences.
pub type Document = Vec<Sentence>;

/// Parses CoNLL text into documents. Lines with a single column get the tag `O`.
pub fn parse(text: &str) -> Vec<Document> {
    let mut docs: Vec<Document> = Vec::new();
    let mut doc: Document = Vec::new();
    let mut sent = Sentence::default();
    for line in text.lines() {
        let mut cols = line.split_whitespace();
        let Some(token) = cols.next() else {
            if !sent.tokens.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            continue;
        };
        if token == "-DOCSTART-" {
            if !sent.tokens.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let tag = cols.last().unwrap_or("O");
        sent.tokens.push(token.to_string());
        sent.tags.push(tag.to_string());
    }
    if !sent.tokens.is_empty() {
        doc.push(sent);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_and_sentences() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nHi\n";
        let d = parse(text);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].len(), 2);
        assert_eq!(d[0][0].tags, vec!["I-ORG", "O"]);
        assert_eq!(d[1][0].tags, vec!["O"]);
    }
}
