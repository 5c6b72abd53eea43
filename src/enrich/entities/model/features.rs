//! The tagger's features: one function, [`doc_features`], that training and
//! inference both call, so that what the model learned from is exactly what
//! it sees when serving.
//!
//! Each token of a sentence gets the hashed indices of its features (the
//! word, its lowercase form, shape, affixes and Brown-cluster prefixes in a
//! ±2 window; gazetteer and lexicon membership; position in the sentence and
//! whether the line is set in capitals; whether the article writes the same
//! word in lowercase elsewhere). A feature is a template number plus a few
//! strings, hashed with a well-mixing 64-bit hash into a fixed table of
//! [`BUCKETS`] rows: no feature dictionary to store, and unseen features cost
//! nothing.

use std::borrow::Cow;

use std::hash::Hasher;

use super::super::fxhash::{FxHashMap, FxHashSet, FxHasher};
use super::super::gazetteer::{Knowledge, Known};
use super::super::typing::key;
use super::ModelError;
use crate::event::EntityType;
use crate::text::{lowercase, Text, TokenKind};

/// log2 of the number of weight rows.
pub const BITS: u32 = 20;
/// Weight rows: features hash into this many.
pub const BUCKETS: usize = 1 << BITS;

/// log2 of the number of weight rows of the second pass: its features are
/// few (label combinations), so a small table holds them without collisions.
pub const SECOND_BITS: u32 = 14;
/// Weight rows of the second pass.
pub const SECOND_BUCKETS: usize = 1 << SECOND_BITS;

/// Longest gazetteer name probed, in tokens.
const MAX_GAZ_TOKENS: usize = 8;

/// Brown clusters: word -> bit path, stored reversed (a prefix of `k` bits
/// is `path & ((1 << k) - 1)`), as `spacy-lookups-data` ships them.
///
/// Words are kept as 64-bit hashes: a lookup is one probe with no string
/// comparison (the table has 190,000 words, so chasing each key's pointer
/// was the tagger's largest cache cost), and a collision between two of
/// them, at 2^-64 per pair, would only blur one feature.
#[derive(Default)]
pub struct Clusters {
    /// Hash of the word as written -> path.
    paths: FxHashMap<u64, u32>,
}

/// The key of a word in [`Clusters`].
pub fn word_key(w: &str) -> u64 {
    let mut h = FeatureHash::new(254);
    h.bytes(w.as_bytes());
    h.finish()
}

impl Clusters {
    /// Parse `word<TAB>path` lines (`#` comments allowed).
    pub fn parse(src: &str) -> Result<Self, ModelError> {
        let mut paths = FxHashMap::default();
        for (n, line) in src.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (w, p) = line
                .split_once('\t')
                .ok_or_else(|| ModelError::Clusters(format!("line {}: no tab", n + 1)))?;
            let p: u32 = p
                .trim()
                .parse()
                .map_err(|_| ModelError::Clusters(format!("line {}: bad path {p:?}", n + 1)))?;
            paths.insert(word_key(w), p);
        }
        Ok(Clusters { paths })
    }

    /// Whether `w` is listed exactly as written.
    pub fn contains(&self, w: &str) -> bool {
        self.paths.contains_key(&word_key(w))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Entries sorted by key (the model file stores them so: deterministic bytes).
    pub fn sorted(&self) -> Vec<(u64, u32)> {
        let mut v: Vec<(u64, u32)> = self.paths.iter().map(|(&k, &p)| (k, p)).collect();
        v.sort_unstable();
        v
    }

    /// Insert one entry by key (model loading).
    pub fn insert(&mut self, key: u64, p: u32) {
        self.paths.insert(key, p);
    }

    /// The path of `w` as written, else of its lowercase or title-case form
    /// (headlines in capitals still find "Germany").
    fn path(&self, w: &str, lower: &str) -> u32 {
        if let Some(&p) = self.paths.get(&word_key(w)) {
            return p;
        }
        if w == lower {
            return 0;
        }
        if let Some(&p) = self.paths.get(&word_key(lower)) {
            if w.chars().nth(1).is_some_and(char::is_uppercase) {
                // An all-caps word: prefer the title-cased entry when there is one.
                let mut t = String::with_capacity(lower.len());
                let mut cs = lower.chars();
                if let Some(c) = cs.next() {
                    t.extend(c.to_uppercase());
                    t.push_str(cs.as_str());
                }
                if let Some(&q) = self.paths.get(&word_key(&t)) {
                    return q;
                }
            }
            return p;
        }
        0
    }
}

/// A 64-bit feature hash: the stage's [`FxHasher`] word mixing, then the
/// MurmurHash3 finalizer so that the top bits (the bucket) depend on every
/// input bit (Fx alone leaves them poorly mixed).
struct FeatureHash(FxHasher);

impl FeatureHash {
    fn new(template: u8) -> Self {
        let mut h = FeatureHash(FxHasher::default());
        h.word(0x9E37_79B9_7F4A_7C00 | template as u64);
        h
    }
    #[inline]
    fn word(&mut self, w: u64) {
        self.0.write_u64(w);
    }
    fn bytes(&mut self, b: &[u8]) {
        // The length first keeps "ab" + "c" apart from "a" + "bc".
        self.0.write_usize(b.len());
        self.0.write(b);
    }
    /// The finalized 64-bit hash.
    fn finish(self) -> u64 {
        let mut k = self.0.finish();
        k ^= k >> 33;
        k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
        k ^= k >> 33;
        k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        k ^= k >> 33;
        k
    }
    fn bucket(self) -> u32 {
        (self.finish() >> (64 - BITS)) as u32
    }
    /// A row of the second pass's table.
    fn bucket2(self) -> u32 {
        (self.finish() >> (64 - SECOND_BITS)) as u32
    }
}

/// Lexicon flags of one token (bits).
mod flag {
    pub const FIRST_NAME: u16 = 1;
    pub const LAST_NAME: u16 = 1 << 1;
    pub const TITLE: u16 = 1 << 2;
    pub const HONORIFIC: u16 = 1 << 3;
    pub const ORG_HEAD: u16 = 1 << 4;
    pub const NON_NAME: u16 = 1 << 5;
    pub const MISC_HEAD: u16 = 1 << 6;
    pub const PARTICLE: u16 = 1 << 7;
    pub const TITLE_MODIFIER: u16 = 1 << 8;
    pub const OF_HEAD: u16 = 1 << 9;
    pub const NON_NAME_CAPS: u16 = 1 << 10;
    pub const COUNT: u32 = 11;
}

/// What the tagger knows of one token before its window is looked at.
struct Tok<'a> {
    word: &'a str,
    lower: Cow<'a, str>,
    shape: Shape,
    cluster: u32,
    /// Gazetteer match covering it: type code (1..=5) and whether it begins it.
    gaz: Option<(u8, bool)>,
    flags: u16,
}

/// Typographic variants read as the plain ASCII the training data uses:
/// curly quotes and apostrophes, and en and em dashes ("Zelensky’s",
/// “Yes” and "Yes" fire the same features).
fn normalize(w: &str) -> &str {
    match w {
        "“" | "”" | "„" | "‟" | "«" | "»" | "″" => "\"",
        "‘" | "’" | "‚" | "‛" | "′" => "'",
        "’s" | "’S" => "'s",
        "–" | "—" | "―" => "-",
        "…" => "...",
        _ => contraction_base(w),
    }
}

/// The word a contraction is built on: news training data splits "I'm"
/// into "I" + "'m", while byline's tokens keep it whole ("I’m", "they're",
/// "don't"). A capital after the apostrophe is a name ("O'Neil"), kept.
fn contraction_base(w: &str) -> &str {
    let Some(p) = w.rfind(['\'', '’']) else {
        return w;
    };
    let (base, suffix) = w.split_at(p);
    if base.is_empty() {
        // "'s", "'m": the clitic itself.
        return w;
    }
    let suffix = &suffix[suffix.chars().next().map_or(0, char::len_utf8)..];
    match suffix {
        "m" | "re" | "ve" | "ll" | "d" | "s" => base,
        "t" if base.ends_with('n') && base.len() > 1 => &base[..base.len() - 1],
        _ => w,
    }
}

/// A word's shape, runs collapsed ("Xx", "X.X.", "d,d"), inline: at most
/// [`Shape::MAX`] bytes, which every ordinary word's shape fits.
#[derive(Clone, Copy)]
struct Shape {
    buf: [u8; Shape::MAX],
    len: u8,
}

impl Shape {
    const MAX: usize = 16;
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
}

fn shape(w: &str) -> Shape {
    let mut s = Shape {
        buf: [0; Shape::MAX],
        len: 0,
    };
    let mut last = '\0';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            let mut b = [0u8; 4];
            let enc = k.encode_utf8(&mut b).as_bytes();
            let at = s.len as usize;
            if at + enc.len() > Shape::MAX {
                break;
            }
            s.buf[at..at + enc.len()].copy_from_slice(enc);
            s.len += enc.len() as u8;
            last = k;
        }
    }
    s
}

fn gaz_code(k: Known) -> u8 {
    match k {
        Known::Entity(EntityType::Person) => 1,
        Known::Entity(EntityType::Organization) => 2,
        Known::Entity(EntityType::Location) => 3,
        Known::Entity(EntityType::Misc) => 4,
        Known::Demonym => 5,
    }
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Longest gazetteer names in tokens `first..end`, marked on `toks`.
fn mark_gazetteer(kb: &Knowledge, text: &Text<'_>, first: usize, end: usize, toks: &mut [Tok<'_>]) {
    let mut i = first;
    while i < end {
        let t = &text.tokens()[i];
        if t.kind != TokenKind::Word || !starts_upper(text.token_text(i)) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, u8)> = None;
        let limit = (i + MAX_GAZ_TOKENS).min(end);
        for j in i + 1..=limit {
            let last = &text.tokens()[j - 1];
            let k = key(text, i, j);
            if matches!(last.kind, TokenKind::Word | TokenKind::Number) {
                if let Some(e) = kb.lookup(&k) {
                    best = Some((j, gaz_code(e.known)));
                }
            }
            if !kb.may_extend(&k) {
                break;
            }
        }
        match best {
            Some((j, code)) => {
                for (n, tok) in toks[i - first..j - first].iter_mut().enumerate() {
                    tok.gaz = Some((code, n == 0));
                }
                i = j;
            }
            None => i += 1,
        }
    }
}

fn lexicon_flags(kb: &Knowledge, word: &str, lower: &str) -> u16 {
    let mut f = 0;
    if starts_upper(word) {
        if kb.is_first_name(word) {
            f |= flag::FIRST_NAME;
        }
        if kb.is_last_name(word) {
            f |= flag::LAST_NAME;
        }
        if kb.is_org_head(word) {
            f |= flag::ORG_HEAD;
        }
        if kb.is_misc_head(word, None) {
            f |= flag::MISC_HEAD;
        }
        if kb.is_of_head(word) {
            f |= flag::OF_HEAD;
        }
        if kb.is_non_name_caps(word) {
            f |= flag::NON_NAME_CAPS;
        }
    }
    match kb.title(lower) {
        Some(true) => f |= flag::HONORIFIC,
        Some(false) => f |= flag::TITLE,
        None => {}
    }
    if kb.is_title_modifier(lower) {
        f |= flag::TITLE_MODIFIER;
    }
    if kb.is_non_name(lower) {
        f |= flag::NON_NAME;
    }
    if kb.is_particle(lower) {
        f |= flag::PARTICLE;
    }
    f
}

/// The features of every token of `text`, sentence by sentence: for each
/// sentence its token range and, per token, the feature rows it fires.
pub struct DocFeatures {
    /// Token ranges of the sentences (`first..end`), in order.
    pub sentences: Vec<(usize, usize)>,
    /// The feature rows of every token, one after the other (see [`DocFeatures::row`]).
    rows: Vec<u32>,
    /// Where token `i`'s rows start in `rows`; one more entry closes the last.
    starts: Vec<u32>,
    /// Per token: the key under which [`History`] remembers its labels
    /// (capitalized words, case-folded), 0 for none.
    pub keys: Vec<u64>,
}

impl DocFeatures {
    /// The feature rows of token `i`.
    pub fn row(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.rows.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// Prediction history (Ratinov & Roth 2009): the labels the tagger gave
/// earlier occurrences of the same capitalized word in this article. A name
/// introduced in a clear context ("Acme Corp. said") keeps its type where
/// the context is poor (a headline, "Acme's"). Training and serving both
/// fill it from the model's own predictions, sentence by sentence.
#[derive(Default)]
pub struct History {
    /// Key -> counts of O and of each type.
    seen: FxHashMap<u64, [u16; 5]>,
}

impl History {
    /// Append the history features of a token with `key` to `out`.
    pub fn features(&self, key: u64, out: &mut Vec<u32>) {
        if key == 0 {
            return;
        }
        let Some(c) = self.seen.get(&key) else {
            out.push(FeatureHash::new(40).bucket());
            return;
        };
        let mut best = 0;
        for (t, &n) in c.iter().enumerate() {
            if n > 0 {
                let mut h = FeatureHash::new(41);
                h.word(t as u64);
                out.push(h.bucket());
            }
            if n > c[best] {
                best = t;
            }
        }
        let mut h = FeatureHash::new(42);
        h.word(best as u64);
        out.push(h.bucket());
    }

    /// Remember that a token with `key` got IOB label `label`.
    pub fn record(&mut self, key: u64, label: usize) {
        if key == 0 {
            return;
        }
        let t = if label == 0 { 0 } else { 1 + (label - 1) / 2 };
        let c = self.seen.entry(key).or_default();
        c[t] = c[t].saturating_add(1);
    }
}

/// The type index of an IOB label: 0 for O, else 1 + the index into
/// [`super::TYPES`].
fn label_type(label: usize) -> usize {
    if label == 0 {
        0
    } else {
        1 + (label - 1) / 2
    }
}

/// The second pass's document-level view (Ratinov & Roth 2009, "context
/// aggregation"): the labels the first pass gave every occurrence of each
/// capitalized word, anywhere in the article, before or after. A name whose
/// type is clear in one place ("Acme Corp. said", "Mayor Jane Roe") lends it
/// to the same word where the context is poor ("Acme's", "Roe."), and a word
/// inside a longer name elsewhere ("Roe" of "Jane Roe") is likely that name
/// again.
pub struct SecondPass<'l> {
    /// Per token: its key (as [`DocFeatures::keys`]), 0 for none.
    keys: &'l [u64],
    /// Per token: the first pass's IOB label.
    labels: &'l [usize],
    /// Per token: the first pass's span of two or more tokens covering it,
    /// as `2 * type index + (whether the token ends it)`, 0 for none.
    multi: Vec<u8>,
    /// Key -> occurrences labelled O and each type.
    counts: FxHashMap<u64, [u16; 5]>,
    /// Key -> occurrences inside a span of two or more tokens, by the code
    /// of `multi`: a word that ends longer names elsewhere is likely their
    /// head or surname ("Roe" of "Jane Roe"), one that starts them a
    /// modifier ("Acme" of "Acme Mills").
    in_multi: FxHashMap<u64, [u16; 10]>,
}

impl<'l> SecondPass<'l> {
    /// Aggregate the first pass's `labels` of a whole article, whose tokens
    /// have `keys`.
    pub fn new(keys: &'l [u64], labels: &'l [usize]) -> Self {
        let mut multi = vec![0u8; labels.len()];
        let mut spans = Vec::new();
        super::spans(labels, 0, &mut spans);
        for sp in spans.iter().filter(|sp| sp.end - sp.first >= 2) {
            let t = 1 + super::TYPES.iter().position(|&x| x == sp.kind).unwrap_or(0);
            for (j, m) in multi[sp.first..sp.end].iter_mut().enumerate() {
                *m = (2 * t + usize::from(sp.first + j + 1 == sp.end)) as u8;
            }
        }
        let mut counts: FxHashMap<u64, [u16; 5]> = FxHashMap::default();
        let mut in_multi: FxHashMap<u64, [u16; 10]> = FxHashMap::default();
        for (i, (&k, &l)) in keys.iter().zip(labels).enumerate() {
            if k == 0 {
                continue;
            }
            let c = counts.entry(k).or_default();
            c[label_type(l)] = c[label_type(l)].saturating_add(1);
            if multi[i] > 0 {
                let c = in_multi.entry(k).or_default();
                c[multi[i] as usize] = c[multi[i] as usize].saturating_add(1);
            }
        }
        SecondPass {
            keys,
            labels,
            multi,
            counts,
            in_multi,
        }
    }

    /// Append the second-pass rows of token `i` to `out`: its own first-pass
    /// label, and what the other occurrences of its word got.
    pub fn features(&self, i: usize, out: &mut Vec<u32>) {
        let (Some(&k), Some(&own)) = (self.keys.get(i), self.labels.get(i)) else {
            return;
        };
        let row = |tpl: u8, a: u64, b: u64| {
            let mut h = FeatureHash::new(tpl);
            h.word(a);
            h.word(b);
            h.bucket2()
        };
        // Whether the first pass put the token inside a longer name: the
        // word's other occurrences say less about a name's inner words
        // ("Acme" of "Acme Mills Bank").
        let m_code = self.multi.get(i).copied().unwrap_or(0) as usize;
        let m_own = m_code / 2;
        out.push(row(60, own as u64, m_own as u64));
        if k == 0 {
            return;
        }
        let t_own = label_type(own);
        // Occurrences elsewhere: the word's counts without this token.
        let mut other = self.counts.get(&k).copied().unwrap_or_default();
        other[t_own] = other[t_own].saturating_sub(1);
        let total: u32 = other.iter().map(|&n| u32::from(n)).sum();
        if total == 0 {
            out.push(row(61, own as u64, 0));
        } else {
            let mut best = 0;
            for (t, &n) in other.iter().enumerate() {
                if n > 0 {
                    out.push(row(62, t as u64, 0));
                }
                if n > other[best] {
                    best = t;
                }
            }
            // The majority elsewhere, alone, against this token's own label,
            // and whether it is unanimous.
            out.push(row(63, best as u64, m_own as u64));
            out.push(row(64, best as u64, own as u64));
            let unanimous = u32::from(other[best]) == total;
            out.push(row(65, best as u64, u64::from(unanimous)));
        }
        let mut multi = self.in_multi.get(&k).copied().unwrap_or_default();
        if m_code > 0 {
            multi[m_code] = multi[m_code].saturating_sub(1);
        }
        for (code, &n) in multi.iter().enumerate().skip(2) {
            if n > 0 {
                out.push(row(66, code as u64, own as u64));
            }
        }
    }
}

/// Compute the features of every token of `text`.
pub fn doc_features(kb: &Knowledge, clusters: &Clusters, text: &Text<'_>) -> DocFeatures {
    let n = text.tokens().len();
    let mut toks: Vec<Tok<'_>> = Vec::with_capacity(n);
    // Words the article writes in lowercase: a capitalized occurrence of one
    // is likely a sentence opener, not a name.
    let mut lower_seen: FxHashSet<&str> = FxHashSet::default();
    // Cluster paths of the article's words: most words repeat, and a probe
    // of this small table stays in cache where the 190,000-word one misses.
    let mut paths: FxHashMap<&str, u32> = FxHashMap::default();
    for i in 0..n {
        let word = normalize(text.token_text(i));
        let lower = lowercase(word);
        if text.tokens()[i].kind == TokenKind::Word && matches!(lower, Cow::Borrowed(_)) {
            lower_seen.insert(word);
        }
        let cluster = *paths
            .entry(word)
            .or_insert_with(|| clusters.path(word, &lower));
        toks.push(Tok {
            word,
            shape: shape(word),
            cluster,
            lower,
            gaz: None,
            flags: 0,
        });
    }
    let mut sentences = Vec::with_capacity(text.sentences().len());
    let mut style = vec![LineStyle::Plain; text.sentences().len()];
    for (si, s) in text.sentences().iter().enumerate() {
        let r = s.tokens();
        mark_gazetteer(kb, text, r.start, r.end, &mut toks[r.clone()]);
        let (mut words, mut long, mut long_capitalized) = (0, 0, 0);
        let mut caps = true;
        for i in r.clone() {
            let t = &mut toks[i];
            t.flags = lexicon_flags(kb, t.word, &t.lower);
            if t.word.chars().any(char::is_alphabetic) {
                words += 1;
                caps &= !t.word.chars().any(char::is_lowercase);
                if t.word.chars().count() >= 4 {
                    long += 1;
                    long_capitalized += usize::from(starts_upper(t.word));
                }
            }
        }
        style[si] = if caps && words >= 2 {
            LineStyle::Caps
        } else if words >= 3 && long >= 2 && long_capitalized * 4 >= long * 3 {
            LineStyle::Title
        } else {
            LineStyle::Plain
        };
        sentences.push((r.start, r.end));
    }
    // Capitalized words also written mid-sentence in ordinary lines.
    let mut cap_mid: FxHashSet<&str> = FxHashSet::default();
    for (si, &(a, b)) in sentences.iter().enumerate() {
        if style[si] != LineStyle::Plain {
            continue;
        }
        for (t, tok) in toks[a + 1..b].iter().zip(&text.tokens()[a + 1..b]) {
            if starts_upper(t.word) && tok.kind == TokenKind::Word {
                cap_mid.insert(t.word);
            }
        }
    }
    let mut rows = Vec::with_capacity(n * 48);
    let mut starts = Vec::with_capacity(n + 1);
    for (si, &(a, b)) in sentences.iter().enumerate() {
        for i in a..b {
            starts.push(rows.len() as u32);
            let (lower_seen, cap_mid) = (&lower_seen, &cap_mid);
            token_features(
                text, &toks, a, b, i, style[si], lower_seen, cap_mid, &mut rows,
            );
        }
    }
    starts.push(rows.len() as u32);
    // Sentences partition the tokens, so rows line up with token indices.
    debug_assert_eq!(starts.len(), n + 1);
    let keys = toks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if text.tokens()[i].kind == TokenKind::Word
                && starts_upper(t.word)
                && t.word.chars().count() > 1
            {
                let mut h = FeatureHash::new(255);
                h.bytes(t.lower.as_bytes());
                h.finish() | 1
            } else {
                0
            }
        })
        .collect();
    DocFeatures {
        sentences,
        rows,
        starts,
        keys,
    }
}

/// How a sentence is set: headlines come in capitals or in title case,
/// where capitalization no longer marks names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineStyle {
    /// Ordinary prose.
    Plain = 0,
    /// Every word in capitals ("MARKETS RALLY").
    Caps = 1,
    /// Most longer words capitalized ("Markets Rally After Vote").
    Title = 2,
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

/// Where a token's features go: each is a template number plus parts,
/// hashed to a row.
struct Out<'o>(&'o mut Vec<u32>);

impl Out<'_> {
    fn f1(&mut self, tpl: u8, x: &[u8]) {
        let mut h = FeatureHash::new(tpl);
        h.bytes(x);
        self.0.push(h.bucket());
    }
    fn f2(&mut self, tpl: u8, x: &[u8], y: &[u8]) {
        let mut h = FeatureHash::new(tpl);
        h.bytes(x);
        h.bytes(y);
        self.0.push(h.bucket());
    }
    fn f3(&mut self, tpl: u8, x: &[u8], y: &[u8], z: &[u8]) {
        let mut h = FeatureHash::new(tpl);
        h.bytes(x);
        h.bytes(y);
        h.bytes(z);
        self.0.push(h.bucket());
    }
    fn num(&mut self, tpl: u8, v: u64) {
        let mut h = FeatureHash::new(tpl);
        h.word(v);
        self.0.push(h.bucket());
    }
}

#[allow(clippy::too_many_arguments)]
fn token_features(
    text: &Text<'_>,
    toks: &[Tok<'_>],
    a: usize,
    b: usize,
    i: usize,
    style: LineStyle,
    lower_seen: &FxHashSet<&str>,
    cap_mid: &FxHashSet<&str>,
    out: &mut Vec<u32>,
) {
    let at = |d: isize| -> Option<&Tok<'_>> {
        let j = i as isize + d;
        (j >= a as isize && j < b as isize).then(|| &toks[j as usize])
    };
    let low = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| &t.lower);
    let shp = |d: isize| {
        at(d).map_or(if d < 0 { BOS } else { EOS }.as_bytes(), |t| {
            t.shape.as_bytes()
        })
    };
    let mut o = Out(out);
    let t = &toks[i];
    o.f1(0, b"");
    o.f1(1, t.word.as_bytes());
    o.f1(2, t.lower.as_bytes());
    o.f1(3, t.shape.as_bytes());
    // Prefixes and suffixes of 1 to 4 characters (char boundaries).
    let lw = t.lower.as_bytes();
    let mut ends = t
        .lower
        .char_indices()
        .skip(1)
        .map(|(b, _)| b)
        .chain([lw.len()]);
    let mut starts = t.lower.char_indices().rev().map(|(b, _)| b);
    for k in 1..=4u8 {
        let (Some(end), Some(start)) = (ends.next(), starts.next()) else {
            break;
        };
        o.f1(4 + k, &lw[..end]);
        o.f1(8 + k, &lw[start..]);
    }
    o.f1(13, low(-1).as_bytes());
    o.f1(14, low(1).as_bytes());
    o.f1(15, low(-2).as_bytes());
    o.f1(16, low(2).as_bytes());
    let len = t.word.chars().count().min(6) as u8;
    o.f1(17, &[len]);
    let kind = text.tokens()[i].kind as u8;
    o.f1(18, &[kind]);
    if i == a {
        o.f1(19, b"first");
    }
    if text.tokens()[i].newlines_before > 0 {
        o.f1(19, b"line");
    }
    if i + 1 == b {
        o.f1(19, b"last");
    }
    if style != LineStyle::Plain {
        // In a headline capitals say little: the model learns how far to
        // trust the shape there.
        let st = style as u8;
        o.f1(20, &[st]);
        o.f1(50 + st, t.shape.as_bytes());
    }
    if starts_upper(t.word) {
        if lower_seen.contains(&*t.lower) {
            o.f1(22, b"lower_seen");
        }
        if cap_mid.contains(t.word) {
            o.f1(22, b"cap_mid");
        }
    }
    // Clusters: prefixes of the token's path and its neighbours'.
    for (d, tpl, lens) in [
        (0isize, 23u8, &[4u32, 6, 10, 20][..]),
        (-1, 24, &[4, 6, 10][..]),
        (1, 25, &[4, 6, 10][..]),
    ] {
        let p = at(d).map_or(u32::MAX, |t| t.cluster);
        for &k in lens {
            let v = if p == u32::MAX {
                u32::MAX
            } else {
                p & ((1u32 << k) - 1)
            };
            o.num(tpl, ((k as u64) << 32) | v as u64);
        }
    }
    // Gazetteer and lexicon membership of the token and its neighbours.
    for (d, tpl) in [(0isize, 26u8), (-1, 27), (1, 28)] {
        let Some(n) = at(d) else { continue };
        if let Some((code, begin)) = n.gaz {
            o.f1(tpl, &[code, begin as u8]);
        }
        for bit in 0..flag::COUNT {
            if n.flags & (1 << bit) != 0 {
                o.f1(tpl, &[100, bit as u8]);
            }
        }
    }
    // Pairs.
    o.f2(30, low(-1).as_bytes(), t.lower.as_bytes());
    o.f2(31, t.lower.as_bytes(), low(1).as_bytes());
    o.f2(32, shp(-1), t.shape.as_bytes());
    o.f2(33, t.shape.as_bytes(), shp(1));
    o.f2(34, low(-1).as_bytes(), t.shape.as_bytes());
    o.f2(35, t.shape.as_bytes(), low(1).as_bytes());
    o.f3(36, shp(-1), t.shape.as_bytes(), shp(1));
}
