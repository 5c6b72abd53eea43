//! Training the tagger: `byline train-entities`.
//!
//! Input is CoNLL format (`word ... TAG` per line, IOB1 or IOB2 tags, a blank
//! line between sentences, `-DOCSTART-` between documents). Each document is
//! written out as a body (tokens joined by spaces, one sentence a line) and
//! analysed by [`Text`] exactly as an article is at serving time, so the
//! tagger learns on byline's own tokens and sentence splits; gold names are
//! carried over by their byte spans. Features come from the same
//! [`features::doc_features`] that serving calls.
//!
//! The learner is an averaged structured perceptron (Collins 2002) with
//! Viterbi decoding: deterministic for a given seed (sentence order is
//! shuffled with a seeded generator, arithmetic is single-threaded), so the
//! same inputs give the same model bytes. After each epoch the averaged
//! model is scored on the dev file; the best epoch is kept.

use std::path::Path;

use super::features::{self, Clusters, History, BUCKETS};
use super::{label, spans, viterbi, Model, ModelError, Span, LABELS, TYPES};
use crate::enrich::entities::gazetteer::Knowledge;
use crate::event::EntityType;
use crate::text::Text;

/// A document read from a CoNLL file.
#[derive(Clone, Debug)]
pub struct ConllDoc {
    /// Tokens joined by spaces, one sentence a line.
    pub body: String,
    /// Gold names: byte spans in `body` and type index into [`TYPES`].
    pub gold: Vec<(usize, usize, usize)>,
}

fn type_index(tag: &str) -> Option<usize> {
    let t = match tag {
        "PER" | "PERSON" => EntityType::Person,
        "ORG" | "ORGANIZATION" => EntityType::Organization,
        "LOC" | "LOCATION" | "GPE" => EntityType::Location,
        "MISC" => EntityType::Misc,
        _ => return None,
    };
    TYPES.iter().position(|&x| x == t)
}

/// Whether a space goes between tokens `prev` and `word` when a sentence
/// is written out as running text (`quote_open`: a `"` before `word` is
/// still open). Closing punctuation and clitics attach to the word before,
/// opening brackets and currency signs to the word after, as news text
/// writes them, so the tagger trains on the tokens an article gives.
fn spaced(prev: &str, word: &str, quote_open: bool) -> bool {
    let attaches_left = matches!(
        word,
        "." | "," | ":" | ";" | "?" | "!" | ")" | "]" | "}" | "%"
    ) || ["'s", "n't", "'re", "'ve", "'ll", "'d", "'m"]
        .iter()
        .any(|c| word.eq_ignore_ascii_case(c));
    if attaches_left || (word == "\"" && quote_open) {
        return false;
    }
    !(matches!(prev, "(" | "[" | "{" | "$") || (prev == "\"" && quote_open))
}

/// Parse CoNLL text (`name` is for error messages).
pub fn parse_conll(src: &str, name: &str) -> Result<Vec<ConllDoc>, ModelError> {
    let mut docs = Vec::new();
    let mut doc = ConllDoc {
        body: String::new(),
        gold: Vec::new(),
    };
    let mut open: Option<(usize, usize, usize)> = None;
    let mut line_start = true;
    // Detokenizing state: the previous token and whether a `"` is open.
    let mut prev = "";
    let mut open_quote = false;
    let flush = |doc: &mut ConllDoc, open: &mut Option<(usize, usize, usize)>| {
        if let Some(o) = open.take() {
            doc.gold.push(o);
        }
    };
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            flush(&mut doc, &mut open);
            if !doc.body.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    ConllDoc {
                        body: String::new(),
                        gold: Vec::new(),
                    },
                ));
            }
            line_start = true;
            continue;
        }
        if line.is_empty() {
            flush(&mut doc, &mut open);
            if !line_start {
                doc.body.push('\n');
                line_start = true;
            }
            open_quote = false;
            continue;
        }
        let mut cols = line.split_whitespace();
        let (Some(word), Some(tag)) = (cols.next(), cols.next_back()) else {
            return Err(ModelError::Corpus(format!(
                "{name}:{}: expected `word ... TAG`",
                n + 1
            )));
        };
        if !line_start && spaced(prev, word, open_quote) {
            doc.body.push(' ');
        }
        if word == "\"" {
            open_quote = !open_quote;
        }
        prev = word;
        line_start = false;
        let start = doc.body.len();
        doc.body.push_str(word);
        let end = doc.body.len();
        let (prefix, ty) = match tag.split_once('-') {
            Some((p, t)) => (p, Some(t)),
            None => (tag, None),
        };
        if prefix == "O" {
            flush(&mut doc, &mut open);
            continue;
        }
        let t = ty
            .and_then(type_index)
            .ok_or_else(|| ModelError::Corpus(format!("{name}:{}: unknown tag {tag:?}", n + 1)))?;
        match (prefix, open) {
            ("I", Some((s, _, ot))) if ot == t => open = Some((s, end, t)),
            ("B" | "I", _) => {
                flush(&mut doc, &mut open);
                open = Some((start, end, t));
            }
            _ => {
                return Err(ModelError::Corpus(format!(
                    "{name}:{}: unknown tag {tag:?}",
                    n + 1
                )))
            }
        }
    }
    flush(&mut doc, &mut open);
    if !doc.body.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Read a CoNLL file.
pub fn read_conll(path: &Path) -> Result<Vec<ConllDoc>, ModelError> {
    let src = std::fs::read_to_string(path).map_err(|source| ModelError::Read {
        path: path.display().to_string(),
        source,
    })?;
    parse_conll(&src, &path.display().to_string())
}

/// One sentence ready for the learner.
struct Sentence {
    /// Per token: feature rows (without the history ones).
    rows: Vec<Vec<u32>>,
    /// Per token: prediction-history key.
    keys: Vec<u64>,
    /// Per token: gold label.
    gold: Vec<usize>,
}

/// A document's sentences, in order (the history runs through them).
type Doc = Vec<Sentence>;

/// The rows of `s` with the history features appended.
fn with_history(s: &Sentence, history: &History) -> Vec<Vec<u32>> {
    s.rows
        .iter()
        .zip(&s.keys)
        .map(|(r, &k)| {
            let mut r = r.clone();
            history.features(k, &mut r);
            r
        })
        .collect()
}

/// Analyse `doc` like an article and label its tokens from the gold spans.
fn prepare(kb: &Knowledge, clusters: &Clusters, doc: &ConllDoc) -> Doc {
    let text = Text::analyze(&doc.body);
    let f = features::doc_features(kb, clusters, &text);
    let mut gold = vec![0usize; text.tokens().len()];
    for &(s, e, t) in &doc.gold {
        let mut first = true;
        for (i, tok) in text.tokens().iter().enumerate() {
            let ts = tok.start as usize;
            if ts >= s && ts < e {
                gold[i] = label(t, first);
                first = false;
            }
        }
    }
    f.sentences
        .iter()
        .map(|&(a, b)| Sentence {
            rows: (a..b).map(|i| f.row(i).to_vec()).collect(),
            keys: f.keys[a..b].to_vec(),
            gold: gold[a..b].to_vec(),
        })
        .collect()
}

/// Function words a title-case headline keeps in lowercase.
const TITLE_LOWER: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "at", "by", "with",
    "from", "as", "vs",
];

/// Rewrite the all-capitals lines of `body` in title case ("MARKETS RALLY
/// IN TOKYO" -> "Markets Rally in Tokyo"), keeping words that the cluster
/// table knows in capitals ("NATO"). Wire corpora set headlines in capitals;
/// many outlets use title case, where every word looks like a name, and the
/// model must see some. ASCII lines only, so byte offsets (the gold spans)
/// do not move.
fn title_case_headlines(body: &mut String, clusters: &Clusters) {
    let mut out = String::with_capacity(body.len());
    for (n, line) in body.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let letters = line.chars().any(|c| c.is_ascii_alphabetic());
        if !line.is_ascii() || !letters || line.chars().any(|c| c.is_ascii_lowercase()) {
            out.push_str(line);
            continue;
        }
        for (k, w) in line.split(' ').enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let lower = w.to_ascii_lowercase();
            if clusters.contains(w) && w.len() <= 5 && !clusters.contains(&lower) {
                out.push_str(w);
            } else if k > 0 && TITLE_LOWER.contains(&lower.as_str()) {
                out.push_str(&lower);
            } else {
                let mut cs = lower.chars();
                if let Some(c) = cs.next() {
                    out.push(c.to_ascii_uppercase());
                    out.push_str(cs.as_str());
                }
            }
        }
    }
    debug_assert_eq!(out.len(), body.len());
    if out.len() == body.len() {
        *body = out;
    }
}

/// Deterministic generator for the sentence order (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Averaged weights: features, transitions, sentence starts.
type Averaged = (Vec<f32>, [[f32; LABELS]; LABELS], [f32; LABELS]);

/// Weights during training: current values and the running sums that give
/// the average (the "lazy averaging" trick: average = w - u / c).
struct Learner {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: [[f32; LABELS]; LABELS],
    tu: [[f32; LABELS]; LABELS],
    sw: [f32; LABELS],
    su: [f32; LABELS],
    c: f32,
}

fn score_rows(w: &[f32], rows: &[u32]) -> [f32; LABELS] {
    let mut acc = [0f32; LABELS];
    for &r in rows {
        let base = r as usize * LABELS;
        for (a, x) in acc.iter_mut().zip(&w[base..base + LABELS]) {
            *a += x;
        }
    }
    acc
}

impl Learner {
    fn new() -> Self {
        Learner {
            w: vec![0.0; BUCKETS * LABELS],
            u: vec![0.0; BUCKETS * LABELS],
            tw: [[0.0; LABELS]; LABELS],
            tu: [[0.0; LABELS]; LABELS],
            sw: [0.0; LABELS],
            su: [0.0; LABELS],
            c: 1.0,
        }
    }

    /// Learn from one sentence whose rows include the history features;
    /// returns what the model predicted before the update.
    fn step(&mut self, rows: &[Vec<u32>], s: &Sentence) -> Vec<usize> {
        let scores: Vec<[f32; LABELS]> = rows.iter().map(|r| score_rows(&self.w, r)).collect();
        let pred = viterbi(&scores, &self.tw, &self.sw);
        if pred != s.gold {
            let c = self.c;
            for (t, (&g, &p)) in s.gold.iter().zip(&pred).enumerate() {
                if g != p {
                    for &r in &rows[t] {
                        let base = r as usize * LABELS;
                        self.w[base + g] += 1.0;
                        self.u[base + g] += c;
                        self.w[base + p] -= 1.0;
                        self.u[base + p] -= c;
                    }
                }
                let (pg, pp) = if t == 0 {
                    (None, None)
                } else {
                    (Some(s.gold[t - 1]), Some(pred[t - 1]))
                };
                if (pg, g) != (pp, p) {
                    match (pg, pp) {
                        (Some(a), Some(b)) => {
                            self.tw[a][g] += 1.0;
                            self.tu[a][g] += c;
                            self.tw[b][p] -= 1.0;
                            self.tu[b][p] -= c;
                        }
                        _ => {
                            self.sw[g] += 1.0;
                            self.su[g] += c;
                            self.sw[p] -= 1.0;
                            self.su[p] -= c;
                        }
                    }
                }
            }
        }
        self.c += 1.0;
        pred
    }

    /// The averaged weights.
    fn averaged(&self) -> Averaged {
        let c = self.c;
        let w = self.w.iter().zip(&self.u).map(|(w, u)| w - u / c).collect();
        let mut t = [[0f32; LABELS]; LABELS];
        for ((row, w), u) in t.iter_mut().zip(&self.tw).zip(&self.tu) {
            for ((x, w), u) in row.iter_mut().zip(w).zip(u) {
                *x = w - u / c;
            }
        }
        let mut s = [0f32; LABELS];
        for ((x, w), u) in s.iter_mut().zip(&self.sw).zip(&self.su) {
            *x = w - u / c;
        }
        (w, t, s)
    }
}

/// Mention-level precision, recall and F1 (exact span and type).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    /// Correct spans.
    pub correct: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Score {
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        if self.predicted + self.gold == 0 {
            return 100.0;
        }
        200.0 * self.correct as f64 / (self.predicted + self.gold) as f64
    }
}

fn evaluate(w: &[f32], t: &[[f32; LABELS]; LABELS], s: &[f32; LABELS], dev: &[Doc]) -> Score {
    let mut sc = Score::default();
    for doc in dev {
        let mut history = History::default();
        for sent in doc {
            let rows = with_history(sent, &history);
            let scores: Vec<[f32; LABELS]> = rows.iter().map(|r| score_rows(w, r)).collect();
            let pred = viterbi(&scores, t, s);
            for (&k, &l) in sent.keys.iter().zip(&pred) {
                history.record(k, l);
            }
            let (mut p, mut g) = (Vec::<Span>::new(), Vec::<Span>::new());
            spans(&pred, 0, &mut p);
            spans(&sent.gold, 0, &mut g);
            sc.predicted += p.len();
            sc.gold += g.len();
            sc.correct += p.iter().filter(|x| g.contains(x)).count();
        }
    }
    sc
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct Options {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
}

/// What one epoch did.
#[derive(Clone, Debug)]
pub struct Epoch {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Training sentences decoded wrongly during the pass.
    pub train_errors: usize,
    /// Training sentences.
    pub train_sentences: usize,
    /// Dev score of the averaged model after this epoch.
    pub dev: Score,
}

/// Train a model on `train`, choosing the epoch by its score on `dev`.
/// `progress` hears about every epoch. Returns the model of the best epoch
/// and that epoch's report.
pub fn train(
    kb: &Knowledge,
    clusters: Clusters,
    train: &[ConllDoc],
    dev: &[ConllDoc],
    opts: &Options,
    mut progress: impl FnMut(&Epoch),
) -> Result<(Model, Epoch), ModelError> {
    // Documents are shuffled, their sentences kept in order: the history
    // is built as at serving time, from the model's own predictions.
    // Every other document gets its capitals headlines in title case.
    let mut docs: Vec<Doc> = train
        .iter()
        .enumerate()
        .map(|(n, d)| {
            if n % 2 == 1 {
                let mut d = d.clone();
                title_case_headlines(&mut d.body, &clusters);
                prepare(kb, &clusters, &d)
            } else {
                prepare(kb, &clusters, d)
            }
        })
        .collect();
    let dev: Vec<Doc> = dev.iter().map(|d| prepare(kb, &clusters, d)).collect();
    let sentences: usize = docs.iter().map(Vec::len).sum();
    let mut rng = Rng(opts.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut learner = Learner::new();
    let mut best: Option<(Epoch, Averaged)> = None;
    for epoch in 1..=opts.epochs.max(1) {
        rng.shuffle(&mut docs);
        let mut errors = 0;
        for doc in &docs {
            let mut history = History::default();
            for s in doc {
                let rows = with_history(s, &history);
                let pred = learner.step(&rows, s);
                errors += usize::from(pred != s.gold);
                for (&k, &l) in s.keys.iter().zip(&pred) {
                    history.record(k, l);
                }
            }
        }
        let (w, t, s) = learner.averaged();
        let report = Epoch {
            epoch,
            train_errors: errors,
            train_sentences: sentences,
            dev: evaluate(&w, &t, &s, &dev),
        };
        progress(&report);
        if best.as_ref().is_none_or(|b| report.dev.f1() > b.0.dev.f1()) {
            best = Some((report, (w, t, s)));
        }
    }
    match best {
        Some((e, (w, t, s))) => Ok((Model::quantize(&w, &t, &s, clusters), e)),
        None => Err(ModelError::Corpus("no epoch ran".into())),
    }
}
