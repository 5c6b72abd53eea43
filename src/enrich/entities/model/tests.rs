//! Tests of the tagger: training determinism, save and load, corrupt files,
//! the CoNLL reader and the decoder's constraints.

use super::features::Clusters;
use super::train::{parse_conll, train, Options};
use super::*;
use crate::enrich::entities::gazetteer::Knowledge;

/// A tiny invented corpus: enough for the learner to pick up the names.
const TINY: &str = "-DOCSTART- O

Jane B-PER
Roe I-PER
joined O
Acme B-ORG
Corp I-ORG
in O
Northfield B-LOC
. O

Acme B-ORG
said O
Roe B-PER
will O
move O
to O
Westbury B-LOC
. O

-DOCSTART- O

Tom B-PER
Smith I-PER
of O
Globex B-ORG
visited O
Eastport B-LOC
on O
Monday O
. O
";

fn tiny_clusters() -> Clusters {
    Clusters::parse("# test\nJane\t6\nTom\t6\nAcme\t9\nGlobex\t9\nsaid\t3\n").unwrap()
}

fn tiny_model(seed: u64) -> Vec<u8> {
    let docs = parse_conll(TINY, "tiny").unwrap();
    let opts = Options { epochs: 4, seed };
    let (m, _) = train(
        &Knowledge::load(),
        tiny_clusters(),
        &docs,
        &docs,
        &opts,
        |_| {},
    )
    .unwrap();
    m.to_bytes()
}

#[test]
fn training_twice_gives_the_same_model_bytes() {
    let a = tiny_model(7);
    let b = tiny_model(7);
    assert_eq!(a.len(), b.len());
    assert!(a == b, "two trainings with one seed differ");
}

#[test]
fn a_saved_model_loads_and_tags_the_same() {
    let kb = Knowledge::load();
    let bytes = tiny_model(1);
    let m1 = Model::from_bytes(&bytes).unwrap();
    let path = std::env::temp_dir().join(format!("byline-model-{}.bin", std::process::id()));
    std::fs::write(&path, m1.to_bytes()).unwrap();
    let m2 = Model::from_file(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    assert_eq!(m1.to_bytes(), m2.to_bytes());
    let text = Text::analyze("Jane Roe joined Globex in Eastport. Acme said Smith will move.");
    let tags = m1.tag(&kb, &text);
    assert_eq!(tags, m2.tag(&kb, &text));
    // It learned something: the training sentence comes back tagged.
    let train_text = Text::analyze("Jane Roe joined Acme Corp in Northfield.");
    let got: Vec<(String, EntityType)> = m2
        .tag(&kb, &train_text)
        .iter()
        .map(|s| {
            (
                train_text
                    .token_span(s.first, s.end)
                    .unwrap()
                    .text
                    .to_string(),
                s.kind,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Jane Roe".to_string(), EntityType::Person),
            ("Acme Corp".to_string(), EntityType::Organization),
            ("Northfield".to_string(), EntityType::Location),
        ]
    );
}

#[test]
fn corrupt_models_are_clear_errors() {
    let bytes = tiny_model(1);
    let mut flipped = bytes.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x40;
    assert!(matches!(
        Model::from_bytes(&flipped),
        Err(ModelError::Checksum)
    ));
    assert!(matches!(
        Model::from_bytes(&bytes[..bytes.len() / 3]),
        Err(ModelError::Checksum)
    ));
    assert!(matches!(
        Model::from_bytes(b"not a model at all"),
        Err(ModelError::Magic)
    ));
    assert!(matches!(Model::from_bytes(b""), Err(ModelError::Magic)));
    let missing = Model::from_file(std::path::Path::new("/nonexistent/byline.bin"));
    let e = missing.err().unwrap().to_string();
    assert!(e.contains("/nonexistent/byline.bin"), "{e}");
}

#[test]
fn the_bundled_model_loads_and_matches_the_compiled_in_gazetteers() {
    let m = Model::bundled().expect("bundled model");
    assert!(m.clusters.len() > 100_000, "clusters: {}", m.clusters.len());
    assert!(
        BUNDLED.len() <= 30 << 20,
        "model file {} bytes",
        BUNDLED.len()
    );
}

#[test]
fn conll_reader_takes_iob1_and_iob2_and_writes_running_text() {
    let src = "-DOCSTART- O\n\nThe O\n\" O\nBig I-ORG\nBank I-ORG\n\" O\nsaid O\n( O\nin O\nLondon I-LOC\n) O\nit O\n's O\nfine O\n. O\n";
    let docs = parse_conll(src, "t").unwrap();
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.body, "The \"Big Bank\" said (in London) it's fine.");
    let names: Vec<&str> = d.gold.iter().map(|&(s, e, _)| &d.body[s..e]).collect();
    assert_eq!(names, ["Big Bank", "London"]);
    assert!(parse_conll("word B-FOO\n", "t").is_err());
    assert!(parse_conll("lonely\n", "t").is_err());
}

#[test]
fn viterbi_never_continues_a_name_it_did_not_begin() {
    // Scores that favour I-PER everywhere: the decoder must still begin it.
    let mut s = [[0f32; LABELS]; 3];
    for row in &mut s {
        row[label(0, false)] = 5.0;
        row[label(0, true)] = 1.0;
    }
    let trans = [[0f32; LABELS]; LABELS];
    let labels = viterbi(&s, &trans, &[0f32; LABELS]);
    assert_eq!(labels[0], label(0, true));
    for w in labels.windows(2) {
        assert!(allowed(Some(w[0]), w[1]), "{labels:?}");
    }
    let mut out = Vec::new();
    spans(&labels, 10, &mut out);
    assert_eq!(
        out,
        [Span {
            first: 10,
            end: 13,
            kind: EntityType::Person
        }]
    );
}

/// The second pass's rows of token `i` for first-pass `labels` of tokens
/// with `keys`.
fn second_rows(keys: &[u64], labels: &[usize], i: usize) -> Vec<u32> {
    let mut out = Vec::new();
    features::SecondPass::new(keys, labels).features(i, &mut out);
    out
}

#[test]
fn second_pass_reads_later_occurrences_and_leaves_out_the_token_itself() {
    let org = label(1, true);
    let per = label(0, true);
    // Token 0 and token 2 are the same word; the later one is an
    // organization, or a person.
    let keys = [7, 0, 7];
    let later_org = second_rows(&keys, &[0, 0, org], 0);
    let later_per = second_rows(&keys, &[0, 0, per], 0);
    assert_ne!(later_org, later_per, "a later occurrence's label is read");
    // A word seen once: its own label does not count as "elsewhere", so it
    // differs from a word whose other occurrence has the same label.
    let alone = second_rows(&[7], &[org], 0);
    let twice = second_rows(&[7, 7], &[org, org], 0);
    assert_ne!(alone, twice);
    // Tokens without a key (lowercase words) get only their own label's row.
    assert_eq!(second_rows(&[0], &[0], 0).len(), 1);
}

#[test]
fn second_pass_tells_a_name_s_last_word_from_its_first() {
    let b = label(0, true);
    let i = label(0, false);
    // "Roe" ending "Jane Roe" elsewhere, against "Roe" starting "Roe Mills".
    let ends = second_rows(&[1, 2, 0, 2], &[b, i, 0, 0], 3);
    let starts = second_rows(&[2, 3, 0, 2], &[b, i, 0, 0], 3);
    assert_ne!(ends, starts);
}
