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
//!
//! The second pass (document-level features over the first pass's labels)
//! is trained on first-pass output that is as wrong as it will be on new
//! text: the training documents are split into [`FOLDS`] folds, and each
//! fold is tagged by a first pass trained on the other folds (stacking,
//! "jackknifing"). Trained on the full first pass's output instead, which
//! has seen every training sentence, the second pass would only learn to
//! copy it. Its weights learn on top of the first pass's scores, which stay
//! fixed, and its epoch is chosen on the dev file like the first pass's.
//! Those scores enter damped by [`SECOND_BASE`]: at full weight the
//! perceptron's unit steps barely move a confident first pass, and the
//! second pass learned nothing useful (CoNLL dev 92.23 -> 91.6; at 0.1 to
//! 0.3 it gains 0.2 to 0.3, and 0.4 on the jackknifed training folds).

use std::path::Path;

use super::features::{self, Clusters, History, SecondPass, BUCKETS, SECOND_BUCKETS};
use super::{
    add_rows, label, spans, viterbi, Model, ModelError, PassWeights, Span, LABELS, SECOND_BASE,
    TYPES,
};
use crate::enrich::entities::gazetteer::Knowledge;
use crate::event::EntityType;
use crate::rng::Rng;
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

/// Folds of the jackknife that gives the second pass its training input.
pub const FOLDS: usize = 5;

/// Passes of the second pass's learner at most (its best epoch on dev is kept).
const SECOND_EPOCHS: usize = 8;

/// Averaged weights: features, transitions, sentence starts.
type Averaged = PassWeights;

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

/// A sentence's fixed part of the score, which the learner adds to: zero
/// for the first pass, the first pass's scores and transitions for the
/// second.
struct Base<'b> {
    scores: &'b [[f32; LABELS]],
    trans: &'b [[f32; LABELS]; LABELS],
    start: &'b [f32; LABELS],
}

/// `a + b` element-wise.
fn plus<const N: usize>(a: &[f32; N], b: &[f32; N]) -> [f32; N] {
    let mut out = *a;
    out.iter_mut().zip(b).for_each(|(x, y)| *x += y);
    out
}

/// Decode one sentence: `base` plus the weights of `rows` in `w`, with
/// transitions `base + (t, s)`.
fn decode(
    w: &[f32],
    t: &[[f32; LABELS]; LABELS],
    s: &[f32; LABELS],
    rows: &[Vec<u32>],
    base: &Base<'_>,
) -> Vec<usize> {
    let scores: Vec<[f32; LABELS]> = rows
        .iter()
        .zip(base.scores)
        .map(|(r, b)| {
            let mut acc = *b;
            add_rows(&mut acc, w, r);
            acc
        })
        .collect();
    let mut trans = *base.trans;
    for (row, d) in trans.iter_mut().zip(t) {
        *row = plus(row, d);
    }
    viterbi(&scores, &trans, &plus(base.start, s))
}

impl Learner {
    fn new(rows: usize) -> Self {
        Learner {
            w: vec![0.0; rows * LABELS],
            u: vec![0.0; rows * LABELS],
            tw: [[0.0; LABELS]; LABELS],
            tu: [[0.0; LABELS]; LABELS],
            sw: [0.0; LABELS],
            su: [0.0; LABELS],
            c: 1.0,
        }
    }

    /// Learn from one sentence with gold labels `gold`, whose tokens fire
    /// `rows` on top of `base`; returns what the model predicted before the
    /// update.
    fn step(&mut self, rows: &[Vec<u32>], gold: &[usize], base: &Base<'_>) -> Vec<usize> {
        let pred = decode(&self.w, &self.tw, &self.sw, rows, base);
        if pred != gold {
            let c = self.c;
            for (t, (&g, &p)) in gold.iter().zip(&pred).enumerate() {
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
                    (Some(gold[t - 1]), Some(pred[t - 1]))
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

impl Score {
    /// Count one sentence's predicted against its gold labels.
    fn add(&mut self, pred: &[usize], gold: &[usize]) {
        let (mut p, mut g) = (Vec::<Span>::new(), Vec::<Span>::new());
        spans(pred, 0, &mut p);
        spans(gold, 0, &mut g);
        self.predicted += p.len();
        self.gold += g.len();
        self.correct += p.iter().filter(|x| g.contains(x)).count();
    }
}

/// A document as the second pass sees it: the first pass's scores and
/// labels for each token, and the second-pass rows they give.
struct Stacked {
    /// Token ranges of the sentences.
    bounds: Vec<(usize, usize)>,
    /// Per token: first-pass scores.
    scores: Vec<[f32; LABELS]>,
    /// Per token: second-pass feature rows.
    rows: Vec<Vec<u32>>,
    /// Per token: gold label.
    gold: Vec<usize>,
    /// Per token: the first pass's label.
    first: Vec<usize>,
    /// The transitions and sentence starts of the first pass that scored
    /// it: the second pass decodes with them as its base.
    trans: [[f32; LABELS]; LABELS],
    /// See `trans`.
    start: [f32; LABELS],
}

/// Run the first pass with weights `m` over `doc` as serving does
/// ([`Model::tag`]), and prepare the second pass's input.
fn first_pass(m: &Averaged, doc: &Doc) -> Stacked {
    let mut st = Stacked {
        bounds: Vec::with_capacity(doc.len()),
        scores: Vec::new(),
        rows: Vec::new(),
        gold: Vec::new(),
        first: Vec::new(),
        trans: m.1,
        start: m.2,
    };
    let mut keys = Vec::new();
    let mut history = History::default();
    for sent in doc {
        let rows = with_history(sent, &history);
        let scores: Vec<[f32; LABELS]> = rows
            .iter()
            .map(|r| {
                let mut acc = [0f32; LABELS];
                add_rows(&mut acc, &m.0, r);
                acc
            })
            .collect();
        let pred = viterbi(&scores, &m.1, &m.2);
        for (&k, &l) in sent.keys.iter().zip(&pred) {
            history.record(k, l);
        }
        let a = st.scores.len();
        st.bounds.push((a, a + sent.gold.len()));
        st.scores.extend(scores);
        st.gold.extend_from_slice(&sent.gold);
        st.first.extend(pred);
        keys.extend_from_slice(&sent.keys);
    }
    // The second pass sees the first pass's scores damped (see SECOND_BASE).
    let k = SECOND_BASE;
    st.scores
        .iter_mut()
        .for_each(|r| r.iter_mut().for_each(|x| *x *= k));
    st.trans
        .iter_mut()
        .for_each(|r| r.iter_mut().for_each(|x| *x *= k));
    st.start.iter_mut().for_each(|x| *x *= k);
    let second = SecondPass::new(&keys, &st.first);
    st.rows = (0..keys.len())
        .map(|i| {
            let mut r = Vec::new();
            second.features(i, &mut r);
            r
        })
        .collect();
    st
}

/// Second-pass decoding of one stacked sentence.
fn second_pass(w: &Averaged, st: &Stacked, (a, b): (usize, usize)) -> Vec<usize> {
    let base = Base {
        scores: &st.scores[a..b],
        trans: &st.trans,
        start: &st.start,
    };
    decode(&w.0, &w.1, &w.2, &st.rows[a..b], &base)
}

/// The score of the first pass (`second` none) or of the second pass on `dev`.
fn evaluate(second: Option<&Averaged>, dev: &[Stacked]) -> Score {
    let mut sc = Score::default();
    for st in dev {
        for &(a, b) in &st.bounds {
            match second {
                None => sc.add(&st.first[a..b], &st.gold[a..b]),
                Some(w) => sc.add(&second_pass(w, st, (a, b)), &st.gold[a..b]),
            }
        }
    }
    sc
}

/// One first-pass epoch over `docs` (sentences in order within a
/// document, the history filled from the learner's own predictions);
/// returns the sentences decoded wrongly.
fn first_epoch(learner: &mut Learner, docs: &[&Doc]) -> usize {
    let zero_t = [[0f32; LABELS]; LABELS];
    let zero_s = [0f32; LABELS];
    let mut zeros: Vec<[f32; LABELS]> = Vec::new();
    let mut errors = 0;
    for doc in docs {
        let mut history = History::default();
        for s in doc.iter() {
            let rows = with_history(s, &history);
            zeros.resize(rows.len(), [0.0; LABELS]);
            let base = Base {
                scores: &zeros[..rows.len()],
                trans: &zero_t,
                start: &zero_s,
            };
            let pred = learner.step(&rows, &s.gold, &base);
            errors += usize::from(pred != s.gold);
            for (&k, &l) in s.keys.iter().zip(&pred) {
                history.record(k, l);
            }
        }
    }
    errors
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct Options {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
}

/// Which learner an [`Epoch`] report is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// The first pass, on all training documents.
    First,
    /// The first pass on all folds but fold `.0` (of `.1`), for the
    /// second pass's input; its dev score is not computed.
    Fold(usize, usize),
    /// The second pass.
    Second,
}

/// What one epoch did.
#[derive(Clone, Debug)]
pub struct Epoch {
    /// The learner.
    pub pass: Pass,
    /// 1-based epoch number.
    pub epoch: usize,
    /// Training sentences decoded wrongly during the pass.
    pub train_errors: usize,
    /// Training sentences.
    pub train_sentences: usize,
    /// Dev score of the averaged model after this epoch.
    pub dev: Score,
}

/// The best epochs of the two passes.
#[derive(Clone, Debug)]
pub struct Report {
    /// The first pass's kept epoch; its dev score is the first pass alone.
    pub first: Epoch,
    /// The second pass's kept epoch; its dev score is the model's.
    pub second: Epoch,
}

/// Train a model on `train`, choosing each pass's epoch by its score on
/// `dev`. `progress` hears about every epoch. Returns the model and the
/// kept epochs.
pub fn train(
    kb: &Knowledge,
    clusters: Clusters,
    train: &[ConllDoc],
    dev: &[ConllDoc],
    opts: &Options,
    mut progress: impl FnMut(&Epoch),
) -> Result<(Model, Report), ModelError> {
    // Documents are shuffled, their sentences kept in order: the history
    // is built as at serving time, from the model's own predictions.
    // Every other document gets its capitals headlines in title case.
    let docs: Vec<Doc> = train
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
    let seeded = |k: u64| {
        Rng(opts
            .seed
            .wrapping_add(k)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            | 1)
    };
    // First pass on everything, its epoch chosen on dev.
    let mut rng = seeded(0);
    let mut order: Vec<&Doc> = docs.iter().collect();
    let mut learner = Learner::new(BUCKETS);
    let mut best: Option<(Epoch, Averaged, Vec<Stacked>)> = None;
    for epoch in 1..=opts.epochs.max(1) {
        rng.shuffle(&mut order);
        let errors = first_epoch(&mut learner, &order);
        let avg = learner.averaged();
        let dev_stacked: Vec<Stacked> = dev.iter().map(|d| first_pass(&avg, d)).collect();
        let report = Epoch {
            pass: Pass::First,
            epoch,
            train_errors: errors,
            train_sentences: sentences,
            dev: evaluate(None, &dev_stacked),
        };
        progress(&report);
        if best.as_ref().is_none_or(|b| report.dev.f1() > b.0.dev.f1()) {
            best = Some((report, avg, dev_stacked));
        }
    }
    drop(learner);
    let Some((first_report, first, dev_stacked)) = best else {
        return Err(ModelError::Corpus("no epoch ran".into()));
    };
    // The second pass's input: each fold tagged by a first pass trained,
    // for the same number of epochs, on the other folds.
    let folds = FOLDS.min(docs.len());
    let mut stacked: Vec<Stacked> = Vec::with_capacity(docs.len());
    if folds >= 2 {
        for k in 0..folds {
            let mut rng = seeded(1 + k as u64);
            let mut order: Vec<&Doc> = docs
                .iter()
                .enumerate()
                .filter(|(n, _)| n % folds != k)
                .map(|(_, d)| d)
                .collect();
            let fold_sentences = order.iter().map(|d| d.len()).sum();
            let mut learner = Learner::new(BUCKETS);
            for epoch in 1..=first_report.epoch {
                rng.shuffle(&mut order);
                let errors = first_epoch(&mut learner, &order);
                progress(&Epoch {
                    pass: Pass::Fold(k + 1, folds),
                    epoch,
                    train_errors: errors,
                    train_sentences: fold_sentences,
                    dev: Score::default(),
                });
            }
            let avg = learner.averaged();
            stacked.extend(
                docs.iter()
                    .enumerate()
                    .filter(|(n, _)| n % folds == k)
                    .map(|(_, d)| first_pass(&avg, d)),
            );
        }
    }
    // The second pass, on top of the fixed first-pass scores.
    let mut rng = seeded(1 + folds as u64);
    let mut order: Vec<&Stacked> = stacked.iter().collect();
    let mut learner = Learner::new(SECOND_BUCKETS);
    let mut best: Option<(Epoch, Averaged)> = None;
    for epoch in 1..=if stacked.is_empty() { 0 } else { SECOND_EPOCHS } {
        rng.shuffle(&mut order);
        let mut errors = 0;
        for st in &order {
            for &(a, b) in &st.bounds {
                let base = Base {
                    scores: &st.scores[a..b],
                    trans: &st.trans,
                    start: &st.start,
                };
                let pred = learner.step(&st.rows[a..b], &st.gold[a..b], &base);
                errors += usize::from(pred != st.gold[a..b]);
            }
        }
        let avg = learner.averaged();
        let report = Epoch {
            pass: Pass::Second,
            epoch,
            train_errors: errors,
            train_sentences: sentences,
            dev: evaluate(Some(&avg), &dev_stacked),
        };
        progress(&report);
        if best.as_ref().is_none_or(|b| report.dev.f1() > b.0.dev.f1()) {
            best = Some((report, avg));
        }
    }
    // Without folds (a one-document corpus) the second pass adds nothing.
    let (second_report, second) = best.unwrap_or_else(|| {
        let none = (
            vec![0.0; SECOND_BUCKETS * LABELS],
            [[0.0; LABELS]; LABELS],
            [0.0; LABELS],
        );
        let mut e = first_report.clone();
        e.pass = Pass::Second;
        e.epoch = 0;
        (e, none)
    });
    // The model stores the second pass's transitions whole.
    let mut second_total = second;
    for (row, d) in second_total.1.iter_mut().zip(&first.1) {
        *row = plus(row, &d.map(|x| x * SECOND_BASE));
    }
    second_total.2 = plus(&second_total.2, &first.2.map(|x| x * SECOND_BASE));
    Ok((
        Model::quantize(&first, &second_total, clusters),
        Report {
            first: first_report,
            second: second_report,
        },
    ))
}
