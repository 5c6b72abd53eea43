//! The trained entity tagger: a linear sequence model (averaged structured
//! perceptron) over the shared tokens, with IOB labels for PER, ORG, LOC and
//! MISC and Viterbi decoding, in two passes over an article:
//! 1. the first pass tags sentence by sentence from local features and the
//!    labels the same word got earlier ([`features::History`]);
//! 2. the second pass re-decodes every sentence with the first pass's
//!    scores plus document-level features: the labels the same word got
//!    anywhere in the article, before or after ([`features::SecondPass`]).
//!    Its weights were trained on first-pass output for documents the first
//!    pass had not seen (jackknifed, see [`train`]), so they learn when to
//!    overrule it rather than to trust it blindly.
//!
//! - [`features`]: the feature code, shared by training and inference.
//! - [`train`]: `byline train-entities`, CoNLL files in, model file out.
//!
//! The model file (`data/models/entities.bin`, compiled into the binary so
//! that every way of running byline finds it) holds the Brown clusters the
//! features read, the label-transition weights and the hashed feature weights
//! quantized to 16 bits, followed by a checksum. It also records a
//! fingerprint of the gazetteers it was trained with: gazetteer membership is
//! a feature, so a model is only valid with the lists it learned from, and a
//! mismatch is an error at load time rather than a silent accuracy loss.

pub mod features;
pub mod train;

use std::path::Path;

use super::gazetteer::Knowledge;
use crate::event::EntityType;
use crate::text::Text;
use features::{Clusters, SecondPass, BUCKETS, SECOND_BITS, SECOND_BUCKETS};

/// The model compiled into the binary.
pub const BUNDLED: &[u8] = include_bytes!("../../../../data/models/entities.bin");

/// IOB labels: O, then B and I for each type in [`TYPES`] order.
pub const LABELS: usize = 1 + 2 * TYPES.len();

/// The weight of the first pass's scores in the second pass's (see
/// [`train`] for how it was chosen).
pub const SECOND_BASE: f32 = 0.25;

/// The types the tagger outputs, in label order.
pub const TYPES: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Location,
    EntityType::Misc,
];

const MAGIC: &[u8; 8] = b"BYLNER\x00\x03";

/// Why a model file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read.
    #[error("cannot read entity model {path}: {source}")]
    Read {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Not a byline entity model, or another version of the format.
    #[error("not a byline entity model (bad magic or version)")]
    Magic,
    /// Shorter than its header says.
    #[error("entity model is truncated")]
    Truncated,
    /// The bytes do not match their checksum.
    #[error("entity model is corrupt (checksum mismatch)")]
    Checksum,
    /// Trained with other gazetteers than the ones compiled in.
    #[error("entity model was trained with other gazetteers (fingerprint {model:016x}, compiled-in lists {current:016x}): retrain it with `byline train-entities`")]
    Knowledge {
        /// The fingerprint stored in the model.
        model: u64,
        /// The fingerprint of the compiled-in lists.
        current: u64,
    },
    /// A malformed cluster table.
    #[error("bad Brown cluster table: {0}")]
    Clusters(String),
    /// A malformed training file.
    #[error("{0}")]
    Corpus(String),
}

/// A loaded model.
pub struct Model {
    /// Hashed feature weights, `BUCKETS` rows of `LABELS`, quantized.
    weights: Vec<i16>,
    /// Transition weights `[previous][next]` in the weights' scale.
    trans: [[f32; LABELS]; LABELS],
    /// Weights of each label at a sentence start.
    start: [f32; LABELS],
    /// The second pass: document-level feature weights, `SECOND_BUCKETS`
    /// rows of `LABELS`, in the first pass's scale (added to its scores).
    second: Vec<f32>,
    /// The second pass's transition weights.
    second_trans: [[f32; LABELS]; LABELS],
    /// The second pass's sentence-start weights.
    second_start: [f32; LABELS],
    /// The Brown clusters the features read.
    pub clusters: Clusters,
}

/// Trained float weights of one pass: features, transitions, sentence starts.
pub type PassWeights = (Vec<f32>, [[f32; LABELS]; LABELS], [f32; LABELS]);

/// 64-bit FNV-1a: the model checksum (corruption, not tampering).
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// A labelled span of tokens (`first..end`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Its type.
    pub kind: EntityType,
}

/// Label index of B- (`begin`) or I- for type index `t`.
pub fn label(t: usize, begin: bool) -> usize {
    1 + 2 * t + usize::from(!begin)
}

/// Whether `next` may follow `prev` (`None`: sentence start) in IOB.
fn allowed(prev: Option<usize>, next: usize) -> bool {
    if next == 0 || next % 2 == 1 {
        return true;
    }
    // I-X only continues B-X or I-X.
    matches!(prev, Some(p) if p != 0 && (p - 1) / 2 == (next - 1) / 2)
}

/// The best label sequence for per-token `scores` (Viterbi).
pub fn viterbi(
    scores: &[[f32; LABELS]],
    trans: &[[f32; LABELS]; LABELS],
    start: &[f32; LABELS],
) -> Vec<usize> {
    let n = scores.len();
    let Some(first) = scores.first() else {
        return Vec::new();
    };
    // Disallowed moves weigh -inf, so the inner loop is a plain maximum
    // (the decoder runs twice per sentence; the branch cost a fifth of it).
    let mut t = [[f32::NEG_INFINITY; LABELS]; LABELS];
    for (p, row) in t.iter_mut().enumerate() {
        for (l, x) in row.iter_mut().enumerate() {
            if allowed(Some(p), l) {
                *x = trans[p][l];
            }
        }
    }
    let mut prev = [f32::NEG_INFINITY; LABELS];
    for l in 0..LABELS {
        if allowed(None, l) {
            prev[l] = start[l] + first[l];
        }
    }
    // An I- label has only two possible predecessors (B- and I- of its
    // type), scanned in the same order as the full scan, so ties break the
    // same way (entity stage +2.4% in criterion).
    let preds = |l: usize| {
        if l > 0 && l % 2 == 0 {
            (l - 1)..(l + 1)
        } else {
            0..LABELS
        }
    };
    let mut back = vec![[0u8; LABELS]; n];
    for (row, back) in scores.iter().zip(back.iter_mut()).skip(1) {
        let mut cur = [f32::NEG_INFINITY; LABELS];
        for l in 0..LABELS {
            let mut bv = f32::NEG_INFINITY;
            let mut bp = 0;
            for p in preds(l) {
                let v = prev[p] + t[p][l];
                if v > bv {
                    bv = v;
                    bp = p;
                }
            }
            cur[l] = bv + row[l];
            back[l] = bp as u8;
        }
        prev = cur;
    }
    let mut l = (0..LABELS)
        .max_by(|&a, &b| prev[a].total_cmp(&prev[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for k in (0..n).rev() {
        out[k] = l;
        l = back[k][l] as usize;
    }
    out
}

/// Spans of an IOB label sequence whose first token is `offset`.
pub fn spans(labels: &[usize], offset: usize, out: &mut Vec<Span>) {
    let mut open: Option<(usize, usize)> = None;
    let close = |open: &mut Option<(usize, usize)>, end: usize, out: &mut Vec<Span>| {
        if let Some((first, t)) = open.take() {
            out.push(Span {
                first: offset + first,
                end: offset + end,
                kind: TYPES[t],
            });
        }
    };
    for (i, &l) in labels.iter().enumerate() {
        if l == 0 {
            close(&mut open, i, out);
            continue;
        }
        let t = (l - 1) / 2;
        let begin = (l - 1) % 2 == 0;
        if begin || open.map(|o| o.1) != Some(t) {
            close(&mut open, i, out);
            open = Some((i, t));
        }
    }
    close(&mut open, labels.len(), out);
}

/// Byte reader over a model file.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError::Truncated);
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    /// A pass's transition and sentence-start weights (see [`put_transitions`]).
    fn transitions(&mut self) -> Result<([[f32; LABELS]; LABELS], [f32; LABELS]), ModelError> {
        let mut trans = [[0f32; LABELS]; LABELS];
        for v in trans.iter_mut().flatten() {
            *v = self.f32()?;
        }
        let mut start = [0f32; LABELS];
        for v in &mut start {
            *v = self.f32()?;
        }
        Ok((trans, start))
    }
}

/// Write a pass's transition weights, row by row, then its sentence-start
/// weights (read back by `Reader::transitions`).
fn put_transitions(out: &mut Vec<u8>, trans: &[[f32; LABELS]; LABELS], start: &[f32; LABELS]) {
    for v in trans.iter().flatten().chain(start) {
        out.extend_from_slice(&v.to_le_bytes());
    }
}

impl Model {
    /// The model compiled into the binary.
    pub fn bundled() -> Result<Self, ModelError> {
        Self::from_bytes(BUNDLED)
    }

    /// Read a model file.
    pub fn from_file(path: &Path) -> Result<Self, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_bytes(&bytes)
    }

    /// Parse a model from its bytes, checking format, checksum and gazetteers.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        if bytes.len() < MAGIC.len() + 8 || &bytes[..MAGIC.len()] != MAGIC {
            return Err(ModelError::Magic);
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let mut s = [0u8; 8];
        s.copy_from_slice(sum);
        if fnv64(body) != u64::from_le_bytes(s) {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader(&body[MAGIC.len()..]);
        let fp = r.u64()?;
        let current = Knowledge::fingerprint();
        if fp != current {
            return Err(ModelError::Knowledge { model: fp, current });
        }
        let bits = r.u32()?;
        let labels = r.u32()?;
        if bits != features::BITS || labels as usize != LABELS {
            return Err(ModelError::Magic);
        }
        let nclusters = r.u32()? as usize;
        let mut clusters = Clusters::default();
        for _ in 0..nclusters {
            let key = r.u64()?;
            let p = r.u32()?;
            clusters.insert(key, p);
        }
        let (trans, start) = r.transitions()?;
        let raw = r.take(BUCKETS * LABELS * 2)?;
        let weights = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        if r.u32()? != SECOND_BITS {
            return Err(ModelError::Magic);
        }
        let (second_trans, second_start) = r.transitions()?;
        let second = (0..SECOND_BUCKETS * LABELS)
            .map(|_| r.f32())
            .collect::<Result<Vec<f32>, ModelError>>()?;
        if !r.0.is_empty() {
            return Err(ModelError::Magic);
        }
        Ok(Model {
            weights,
            trans,
            start,
            second,
            second_trans,
            second_start,
            clusters,
        })
    }

    /// Serialize (the inverse of [`Model::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.weights.len() * 2 + (4 << 20));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&Knowledge::fingerprint().to_le_bytes());
        out.extend_from_slice(&features::BITS.to_le_bytes());
        out.extend_from_slice(&(LABELS as u32).to_le_bytes());
        let cl = self.clusters.sorted();
        out.extend_from_slice(&(cl.len() as u32).to_le_bytes());
        for (key, p) in cl {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&p.to_le_bytes());
        }
        put_transitions(&mut out, &self.trans, &self.start);
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&SECOND_BITS.to_le_bytes());
        put_transitions(&mut out, &self.second_trans, &self.second_start);
        for v in &self.second {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let sum = fnv64(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Quantize trained float weights into a model: the first pass's
    /// feature weights to 16 bits, everything else scaled alike (the second
    /// pass adds to the first pass's scores, so it must share their scale).
    pub fn quantize(first: &PassWeights, second: &PassWeights, clusters: Clusters) -> Self {
        let (weights, trans, start) = first;
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = max / i16::MAX as f32;
        let weights = weights
            .iter()
            .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        let trans_scaled = |trans: &[[f32; LABELS]; LABELS]| {
            let mut t = [[0f32; LABELS]; LABELS];
            for (a, b) in t.iter_mut().zip(trans) {
                for (x, y) in a.iter_mut().zip(b) {
                    *x = y / scale;
                }
            }
            t
        };
        let start_scaled = |start: &[f32; LABELS]| start.map(|y| y / scale);
        Model {
            weights,
            trans: trans_scaled(trans),
            start: start_scaled(start),
            second: second.0.iter().map(|w| w / scale).collect(),
            second_trans: trans_scaled(&second.1),
            second_start: start_scaled(&second.2),
            clusters,
        }
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        self.weights.len() * 2 + self.second.len() * 4 + self.clusters.len() * 40
    }

    /// Label scores of one token firing `rows`.
    fn score(&self, rows: &[u32]) -> [f32; LABELS] {
        let mut acc = [0i32; LABELS];
        for &r in rows {
            let base = r as usize * LABELS;
            if let Some(w) = self.weights.get(base..base + LABELS) {
                for (a, &x) in acc.iter_mut().zip(w) {
                    *a += x as i32;
                }
            }
        }
        acc.map(|a| a as f32)
    }

    /// Tag `text`: the name spans, in order.
    pub fn tag(&self, kb: &Knowledge, text: &Text<'_>) -> Vec<Span> {
        let doc = features::doc_features(kb, &self.clusters, text);
        let n = doc.keys.len();
        // First pass: per token its scores and label.
        let mut scores = vec![[0f32; LABELS]; n];
        let mut labels = vec![0usize; n];
        let mut history = features::History::default();
        let mut rows = Vec::new();
        for &(a, b) in &doc.sentences {
            for (i, score) in scores.iter_mut().enumerate().take(b).skip(a) {
                rows.clear();
                rows.extend_from_slice(doc.row(i));
                history.features(doc.keys[i], &mut rows);
                *score = self.score(&rows);
            }
            let best = viterbi(&scores[a..b], &self.trans, &self.start);
            for (i, &l) in (a..b).zip(&best) {
                history.record(doc.keys[i], l);
                labels[i] = l;
            }
        }
        // Second pass: the same scores plus what the whole article says.
        let second = SecondPass::new(&doc.keys, &labels);
        let mut out = Vec::new();
        for &(a, b) in &doc.sentences {
            let rescored: Vec<[f32; LABELS]> = (a..b)
                .map(|i| {
                    rows.clear();
                    second.features(i, &mut rows);
                    let mut s = scores[i].map(|x| x * SECOND_BASE);
                    add_rows(&mut s, &self.second, &rows);
                    s
                })
                .collect();
            let best = viterbi(&rescored, &self.second_trans, &self.second_start);
            spans(&best, a, &mut out);
        }
        out
    }
}

/// Add the weights of `rows` in `table` (rows of `LABELS`) to `acc`.
pub fn add_rows(acc: &mut [f32; LABELS], table: &[f32], rows: &[u32]) {
    for &r in rows {
        let base = r as usize * LABELS;
        if let Some(w) = table.get(base..base + LABELS) {
            for (a, x) in acc.iter_mut().zip(w) {
                *a += x;
            }
        }
    }
}

#[cfg(test)]
mod tests;
