//! The whole enrichment of one article on arbitrary text: never panics, and
//! every span, value and reference it outputs satisfies the invariants of
//! `byline::enrich::check`.
#![no_main]

use std::sync::OnceLock;

use byline::article::Article;
use byline::enrich::{check, Pipeline};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::standard)
}

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data).into_owned();
    let article = Article::from_body("fuzz", chrono::NaiveDate::from_ymd_opt(2025, 2, 20), body);
    let e = pipeline().run(&article);
    if let Err(err) = check::check(&article.body, &e) {
        panic!("invariant broken: {err}");
    }
});
