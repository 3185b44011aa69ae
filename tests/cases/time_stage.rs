//! Time expressions: what news writes, normalised against a reference date.

use chrono::NaiveDate;
use newsmine::nlp::text::Doc;
use newsmine::nlp::time::{self, DateOrder, TimeOptions};
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (text, type, value) of every expression in `text`.
fn found(text: &str, reference: Option<NaiveDate>) -> Vec<(String, String, String)> {
    let doc = Doc::new(text);
    time::extract(&doc, reference)
        .into_iter()
        .map(|t| {
            assert_eq!(&text[t.span.start..t.span.end], t.text);
            (t.text, t.kind.as_str().to_string(), t.value)
        })
        .collect()
}

fn values(text: &str, reference: Option<NaiveDate>) -> Vec<(String, String)> {
    found(text, reference)
        .into_iter()
        .map(|(t, _, v)| (t, v))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

// 2017-06-06 is a Tuesday.
fn tuesday() -> Option<NaiveDate> {
    Some(day(2017, 6, 6))
}

#[test]
fn deictic_days_and_parts() {
    assert_eq!(
        values(
            "It rained today and yesterday, and will again tomorrow. Tonight is calm; this morning was not.",
            tuesday()
        ),
        pairs(&[
            ("today", "2017-06-06"),
            ("yesterday", "2017-06-05"),
            ("tomorrow", "2017-06-07"),
            ("Tonight", "2017-06-06TNI"),
            ("this morning", "2017-06-06TMO"),
        ])
    );
}

#[test]
fn relative_units() {
    assert_eq!(
        values(
            "Sales fell last week, rose this year and will rise next month. Profits doubled two days ago and a month earlier.",
            tuesday()
        ),
        pairs(&[
            ("last week", "2017-W22"),
            ("this year", "2017"),
            ("next month", "2017-07"),
            ("two days ago", "2017-06-04"),
            // counted from the last date the article gave
            ("a month earlier", "2017-06"),
        ])
    );
}

#[test]
fn weekdays_follow_the_tense() {
    assert_eq!(
        values(
            "He resigned on Monday. She will speak on Friday. They met on Tuesday.",
            tuesday()
        ),
        pairs(&[
            ("Monday", "2017-06-05"),
            ("Friday", "2017-06-09"),
            ("Tuesday", "2017-06-06"),
        ])
    );
}

#[test]
fn weekday_with_date_and_the_weekend() {
    assert_eq!(
        values(
            "At a press conference on Monday (5 June) she spoke. On Monday, June 5, he did. Over the weekend, Trump tweeted.",
            tuesday()
        ),
        pairs(&[
            ("Monday (5 June)", "2017-06-05"),
            ("Monday, June 5", "2017-06-05"),
            ("the weekend", "2017-W22-WE"),
        ])
    );
}

#[test]
fn calendar_dates() {
    assert_eq!(
        values(
            "It opened on 22 March 2013, on March 22, 2013 and on 2013-03-22; it shut Sept. 11 and in June 2014.",
            tuesday()
        ),
        pairs(&[
            ("22 March 2013", "2013-03-22"),
            ("March 22, 2013", "2013-03-22"),
            ("2013-03-22", "2013-03-22"),
            ("Sept. 11", "2016-09-11"),
            ("June 2014", "2014-06"),
        ])
    );
}

#[test]
fn months_decades_quarters() {
    assert_eq!(
        values(
            "A state visit is planned in October. Sales in the 1990s and early 2016 beat the third quarter.",
            tuesday()
        ),
        pairs(&[
            ("October", "2017-10"),
            ("the 1990s", "199"),
            ("early 2016", "2016"),
            ("the third quarter", "2017-Q3"),
        ])
    );
}

#[test]
fn durations_and_sets() {
    assert_eq!(
        found(
            "The strike lasted three days. Meetings are held every Monday and the paper comes out weekly.",
            tuesday()
        ),
        vec![
            ("three days".into(), "DURATION".into(), "P3D".into()),
            ("every Monday".into(), "SET".into(), "XXXX-WXX-1".into()),
            ("weekly".into(), "SET".into(), "P1W".into()),
        ]
    );
}

#[test]
fn without_a_reference_values_stay_unresolved() {
    assert_eq!(
        values(
            "Seven people died on Saturday. On Monday (5 June) she spoke. The visit is in October, yesterday.",
            None
        ),
        pairs(&[
            ("Saturday", "XXXX-WXX-6"),
            ("Monday (5 June)", "XXXX-06-05"),
            ("October", "XXXX-10"),
            ("yesterday", "XXXX-XX-XX"),
        ])
    );
}

#[test]
fn present_past_and_future_references() {
    assert_eq!(
        values(
            "Prices are currently high and have risen recently; in the future they may fall.",
            tuesday()
        ),
        pairs(&[
            ("currently", "PRESENT_REF"),
            ("recently", "PAST_REF"),
            ("the future", "FUTURE_REF"),
        ])
    );
}

#[test]
fn clock_times() {
    assert_eq!(
        values(
            "The polls close at 10 p.m. and open at 7:30 a.m. tomorrow.",
            tuesday()
        ),
        pairs(&[
            ("10 p.m.", "2017-06-06T22:00"),
            ("7:30 a.m. tomorrow", "2017-06-07T07:30")
        ])
    );
}

#[test]
fn numeric_day_month_order_is_an_option() {
    let text = "The deal closed on 6/5/2017 and on 22/3/2013.";
    let doc = Doc::new(text);
    let us: Vec<String> = time::extract(&doc, None)
        .into_iter()
        .map(|t| t.value)
        .collect();
    assert_eq!(us, vec!["2017-06-05", "2013-03-22"]);
    let options = TimeOptions {
        date_order: DateOrder::DayFirst,
    };
    let uk: Vec<String> = time::extract_with(&doc, None, &options)
        .into_iter()
        .map(|t| t.value)
        .collect();
    assert_eq!(uk, vec!["2017-05-06", "2013-03-22"]);
}

#[test]
fn words_that_only_look_like_times() {
    let got = values(
        "He may resign. The march went on. A 44-year-old man said it. It cost $5 a year for 2000 troops.",
        tuesday(),
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn ids_are_in_text_order_and_sentences_are_indices() {
    let text = "On Monday it began. Yesterday it ended.";
    let doc = Doc::new(text);
    let t = time::extract(&doc, tuesday());
    assert_eq!(t.iter().map(|x| x.id).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(t.iter().map(|x| x.sentence).collect::<Vec<_>>(), vec![0, 1]);
}

#[test]
fn modifiers_and_prepositions_stay_outside() {
    // a determiner before a hyphenated modifier belongs to the noun; "over" before "the" is a
    // preposition; "only" and "just" are focus particles
    assert_eq!(
        values(
            "It posted a third-quarter loss under its two-year plan. Prices fell over the past two years. He has led it for only six months. They met just a decade ago. It lasted just over an hour.",
            tuesday()
        ),
        pairs(&[
            ("third-quarter", "2016-Q3"),
            ("two-year", "P2Y"),
            ("the past two years", "P2Y"),
            ("six months", "P6M"),
            ("a decade ago", "2007"),
            ("over an hour", "PT1H"),
        ])
    );
}

#[test]
fn datelines_are_dates() {
    assert_eq!(
        values(
            "WASHINGTON, August 8 (Xinhua) -- President Bill Clinton Saturday vowed to hunt down the bombers.",
            Some(day(1998, 8, 8))
        ),
        pairs(&[("August 8", "1998-08-08"), ("Saturday", "1998-08-08")])
    );
}

#[test]
fn tense_cues_that_mislead() {
    // 2000-04-05 is a Wednesday
    let wednesday = Some(day(2000, 4, 5));
    assert_eq!(
        values(
            "A bomb exploded next to the embassy on Friday. He could be located Monday. The father would be traveling Thursday. He could come as early as Tuesday. Until Thursday, they had not called him a suspect.",
            wednesday
        ),
        pairs(&[
            ("Friday", "2000-03-31"),
            ("Monday", "2000-04-03"),
            ("Thursday", "2000-04-06"),
            ("Tuesday", "2000-04-11"),
            ("Thursday", "2000-03-30"),
        ])
    );
    assert_eq!(
        values(
            "The offer was extended to Nov. 16. The office was created, effective Feb. 1. The talks are supposed to conclude by December. The case is heard in December.",
            Some(day(1989, 10, 30))
        ),
        pairs(&[
            ("Nov. 16", "1989-11-16"),
            ("Feb. 1", "1990-02-01"),
            ("December", "1989-12"),
            ("December", "1989-12"),
        ])
    );
    assert_eq!(
        values(
            "On Tuesday, the league plans to hold a news conference.",
            Some(day(1998, 10, 26))
        ),
        pairs(&[("Tuesday", "1998-10-27")])
    );
}

#[test]
fn fractions_lengths_and_pairs_of_days() {
    assert_eq!(
        values(
            "They lived in camps for 2 1/2 years. She spent 5 1/2 hours there. A minute and a half later it fell. It was their third day-long meeting and a weeklong visit. The summit is on April 24 and 25.",
            tuesday()
        ),
        pairs(&[
            ("2 1/2 years", "P2Y6M"),
            ("5 1/2 hours", "PT5H30M"),
            ("A minute and a half", "PT1M30S"),
            ("day-long", "P1D"),
            ("weeklong", "P1W"),
            ("April 24", "2017-04-24"),
            ("25", "2017-04-25"),
        ])
    );
}

#[test]
fn named_days_weeks_and_seasons() {
    assert_eq!(
        values(
            "It is a theme from now to Election Day. The hearing will be the week of March 6. Costs fell this past spring. The letter was printed on the front page of the Communist Party daily Granma for its readers. For Poland, high noon comes today.",
            Some(day(1998, 10, 26))
        ),
        pairs(&[
            ("now", "PRESENT_REF"),
            ("Election Day", "1998-11-03"),
            ("the week of March 6", "1999-W09"),
            ("this past spring", "1998-SP"),
            ("today", "1998-10-26"),
        ])
    );
}

#[test]
fn a_weekday_after_a_clock_time_takes_the_clause_tense() {
    // 2000-04-05 is a Wednesday
    assert_eq!(
        values(
            "The father will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said. He traveled to the United States Thursday.",
            Some(day(2000, 4, 5))
        ),
        pairs(&[
            ("the morning", "2000-04-05TMO"),
            ("4 a.m. EDT Thursday", "2000-04-06T04:00"),
            ("Thursday", "2000-03-30"),
        ])
    );
}

#[test]
fn a_day_counted_from_a_month_is_a_day_of_it() {
    assert_eq!(
        values(
            "The site went up in October 1998. His name was crossed out that same day.",
            tuesday()
        ),
        pairs(&[("October 1998", "1998-10"), ("that same day", "1998-10-XX")])
    );
}

#[test]
fn fractions_titles_and_some_day_are_not_lengths() {
    assert_eq!(
        values(
            "Iraq imports about three-quarters of its food, and funds hold more than a quarter of the market. Baker spoke on ABC's \"This Week\" program about the war in the Gulf. Islam will one day be the second religion. It had several quarters of losses.",
            tuesday()
        ),
        pairs(&[("one day", "FUTURE_REF"), ("several quarters", "PXQ")])
    );
}

#[test]
fn parts_of_the_day_after_early_mid_late() {
    assert_eq!(
        values(
            "By mid afternoon, the operation was over. In London at mid-afternoon yesterday, shares rose. The loan may be extended for an additional year.",
            tuesday()
        ),
        pairs(&[
            ("mid afternoon", "2017-06-06TAF"),
            ("mid-afternoon yesterday", "2017-06-05TAF"),
            ("an additional year", "P1Y"),
        ])
    );
}

#[test]
fn articles_of_periods_and_the_reported_quarter() {
    assert_eq!(
        values(
            "Sales peaked in the early 1980s and fell in the late 1970s. Losses may last through the third quarter of 1990. Bethlehem earned $46.9 million in the third quarter. In the year-ago period, it earned $101 million. He inflated earnings over a three-year period.",
            Some(day(1989, 10, 26))
        ),
        pairs(&[
            ("the early 1980s", "198"),
            ("the late 1970s", "197"),
            ("the third quarter of 1990", "1990-Q3"),
            ("the third quarter", "1989-Q3"),
            ("the year-ago period", "1988-Q3"),
            ("a three-year period", "P3Y"),
        ])
    );
}

#[test]
fn days_counted_from_the_day_under_discussion() {
    assert_eq!(
        values(
            "The index closed on Friday, May 26. It was down from the previous Friday. Later in the day, shares rose, and the next morning they fell. That night, traders went home.",
            tuesday()
        ),
        pairs(&[
            ("Friday, May 26", "2017-05-26"),
            ("the previous Friday", "2017-05-19"),
            ("the day", "2017-05-26"),
            ("the next morning", "2017-05-27TMO"),
            ("That night", "2017-05-26TNI"),
        ])
    );
}

#[test]
fn the_quarter_ended_a_date() {
    assert_eq!(
        values(
            "In the quarter ended July 31, Jayark had 5.6 million shares. A year earlier it had fewer.",
            Some(day(1989, 10, 30))
        ),
        pairs(&[
            ("the quarter", "1989-Q2"),
            ("July 31", "1989-07-31"),
            ("A year earlier", "1988-Q2"),
        ])
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_spans_slice_the_text(text in "\\PC{0,300}") {
        let doc = Doc::new(&text);
        for t in time::extract(&doc, tuesday()) {
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            prop_assert_eq!(&text[t.span.start..t.span.end], t.text.as_str());
        }
    }

    #[test]
    fn time_words_in_any_order_never_panic(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "the", "last", "next", "this", "Monday", "May", "June", "5", "22", "2017", "'90s",
            "1990s", "a", "year", "years", "ago", "earlier", "later", "quarter", "third", "of",
            "(", ")", ",", "p.m.", "10:30", "every", "two", "twenty", "thousand", "nineteen",
            "ninety-six", "weekend", "fiscal", "early", "late", "mid-", "Q3", "6/5/2017", "-",
            "9999", "0", "31", "February", "30", "Christmas", "Thanksgiving", "days", "night",
        ]), 0..60), reference in proptest::option::of(-3000i32..3000)) {
        let text = words.join(" ");
        let doc = Doc::new(&text);
        let reference = reference.and_then(|d| NaiveDate::from_ymd_opt(2000 + d / 3, 1 + (d.unsigned_abs() % 12), 28));
        for t in time::extract(&doc, reference) {
            prop_assert_eq!(&text[t.span.start..t.span.end], t.text.as_str());
        }
    }
}

/// TempEval-3 TimeBank + AQUAINT (../shared/data, research use: read at run time, skipped when
/// absent). Guards the figures reported for issue 5 against regressions.
#[test]
fn tempeval_tbaq_scores_hold() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/tempeval3");
    if !dir.join("tbaq_timebank.jsonl").exists() {
        eprintln!("note: {} absent, TempEval check skipped", dir.display());
        return;
    }
    let report = newsmine::eval::time::tempeval(&dir).expect("scores");
    let relaxed = report.json["relaxed_f1"].as_f64().unwrap();
    let value = report.json["value_f1"].as_f64().unwrap();
    assert!(relaxed >= 93.0, "relaxed F1 {relaxed}\n{}", report.text);
    assert!(value >= 79.0, "value F1 {value}\n{}", report.text);
}
