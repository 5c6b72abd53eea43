//! Hostile and previously-crashing inputs through the whole enrichment: no
//! panic, every invariant of `byline::enrich::check` holds. Every crash the
//! fuzzers find gets its input under `tests/regressions/` and is replayed here.

use byline::article::{self, Article, RecordContext};
use byline::enrich::{check, Pipeline};

fn article(body: String) -> Article {
    Article::from_body("t", chrono::NaiveDate::from_ymd_opt(2025, 2, 20), body)
}

fn assert_sound(p: &Pipeline, body: String) {
    let a = article(body);
    let e = p.run(&a);
    if let Err(err) = check::check(&a.body, &e) {
        panic!(
            "invariant broken on {:?}…: {err}",
            a.body.chars().take(80).collect::<String>()
        );
    }
}

#[test]
fn hostile_texts_never_break_invariants() {
    let p = Pipeline::standard();
    let quotes = ['"', '“', '”', '‘', '’', '\'', '«', '»', '„', '`'];
    for q in quotes {
        assert_sound(&p, q.to_string().repeat(5000));
        assert_sound(&p, format!("He said {q}").repeat(3000));
        assert_sound(&p, format!("{q}Yes,{q} she said. {q}No{q}").repeat(500));
    }
    assert_sound(&p, "a".repeat(1 << 20));
    assert_sound(&p, "“a ‘b “c ‘d ".repeat(2000) + &"’ ” ’ ”".repeat(2000));
    assert_sound(&p, "(".repeat(10000) + &"[".repeat(10000));
    assert_sound(&p, "said ".repeat(20000));
    assert_sound(&p, "Mr. ".repeat(20000) + "Smith");
    assert_sound(&p, "January 1, 2025 ".repeat(5000));
    assert_sound(&p, "1 ".repeat(50000));
    assert_sound(&p, "President Donald Trump said. ".repeat(2000));
    let every_category: String = (0x20u32..0x30000)
        .step_by(7)
        .filter_map(char::from_u32)
        .collect();
    assert_sound(&p, every_category.clone());
    assert_sound(&p, every_category.chars().flat_map(|c| [c, ' ']).collect());
}

#[test]
fn invalid_utf8_anywhere_is_rejected_not_panicking() {
    let seed = include_str!("../data/samples/seed.txt").as_bytes();
    let base = &seed[..300.min(seed.len())];
    for i in 0..base.len() {
        for bad in [&b"\xff"[..], b"\xc3", b"\xe2\x80", b"\xf0\x9f\x98"] {
            let mut v = base[..i].to_vec();
            v.extend_from_slice(bad);
            v.extend_from_slice(&base[i..]);
            let r = article::decode(&v, RecordContext::default(), 1 << 20);
            assert_eq!(
                r.map(|_| ()).map_err(|e| e.reason()),
                Err("invalid_utf8"),
                "at {i}"
            );
        }
    }
}

#[test]
fn regression_inputs_replay_cleanly() {
    let p = Pipeline::standard();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        let _ = article::decode(&data, RecordContext::default(), 1 << 20);
        assert_sound(&p, String::from_utf8_lossy(&data).into_owned());
        n += 1;
    }
    assert!(n > 0, "no regression inputs found in {}", dir.display());
}
