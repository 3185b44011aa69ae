//! HTML pages: the main text without navigation and boilerplate (readability, by
//! dom_smoothie), the title, and the published time from the usual meta tags
//! (`article:published_time`, `og:published_time`, JSON-LD `datePublished`, …).

use super::Parsed;
use crate::corpus::{InputError, Stage};
use dom_smoothie::{Config, Readability, TextMode};

/// Extracts the article of an HTML page.
pub fn parse(html: &str, path: &str) -> Result<Parsed, InputError> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = Readability::new(html, None, Some(config))
        .map_err(|e| InputError::failed(path, Stage::Parse, "malformed-html", e.to_string()))?;
    let article = readability.parse().map_err(|e| {
        InputError::failed(
            path,
            Stage::Parse,
            "no-text",
            format!("no article text found in the page: {e}"),
        )
    })?;
    let body = tidy_paragraphs(&article.text_content);
    let title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
    Ok(Parsed {
        source_id: None,
        title,
        published: article.published_time.filter(|s| !s.trim().is_empty()),
        url: article.url.filter(|s| !s.trim().is_empty()),
        authors: article
            .byline
            .map(|b| super::text::split_authors(&b))
            .unwrap_or_default(),
        body,
    })
}

/// Joins the extracted lines into paragraphs separated by one blank line, without the
/// indentation the HTML carried. (This text is the body every offset counts into.)
fn tidy_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for para in text
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
    {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&para);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_title_and_date() {
        let html = r#"<html><head><title>Storm hits coast | News</title>
<meta property="article:published_time" content="2023-02-01T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Storm hits coast</h1>
<p>A powerful storm struck the northern coast on Tuesday, officials said, cutting power to thousands of homes and closing the main road between the two largest towns in the region.</p>
<p>"We have never seen winds like this," said Maria Lopez, the mayor of Port Alden, who urged residents to stay indoors until the weather service lifted its warning later in the week.</p>
<p>Emergency crews worked through the night to clear fallen trees, and the regional power company said most customers would be reconnected by Thursday evening at the latest.</p>
</article><footer>Copyright 2023</footer></body></html>"#;
        let p = parse(html, "a.html").unwrap();
        assert!(p.body.contains("A powerful storm"), "{}", p.body);
        assert!(p.body.contains("\n\n\"We have never"), "{}", p.body);
        assert!(!p.body.contains("Copyright"));
        assert!(!p.body.contains("Home"));
        assert_eq!(p.published.as_deref(), Some("2023-02-01T08:00:00Z"));
        assert!(p.title.unwrap().starts_with("Storm hits coast"));
    }
}
