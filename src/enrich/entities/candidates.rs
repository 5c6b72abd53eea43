//! Candidate spans: maximal runs of capitalized tokens that may be names.
//!
//! A run starts at a capitalized word (or a product-style word like
//! `iPhone`) and extends over further capitalized words, initials
//! (`George W. Bush`), glued `&` (`AT&T`), hyphens between name parts
//! (`Coca-Cola`, but not `Ukraine-US`, whose parts are both known names),
//! lowercase particles (`Ursula von der Leyen`) and `of`/`and` where the
//! name's head asks for it (`Bank of England`, `Securities and Exchange
//! Commission`). Capitals that only mark a sentence start or a title-case
//! headline need more evidence: the word is known, or the article writes it
//! capitalized mid-sentence and never lowercase.

use super::fxhash::FxHashSet as HashSet;

use super::gazetteer::Knowledge;
use super::lower::{self, Lower};
use crate::text::{Text, TokenKind};

/// What the article as a whole says about its words.
pub struct DocInfo<'a> {
    /// Words the article writes in lowercase somewhere (borrowed from the
    /// body): only those that also start a sentence, the only ones asked.
    pub lower_seen: HashSet<&'a str>,
    /// Words the article writes capitalized in mid-sentence positions: only
    /// those also capitalized by position, the only ones asked.
    pub cap_mid: HashSet<&'a str>,
    /// Per sentence: whether it is a title-case headline or all-caps line.
    pub headline: Vec<bool>,
    /// Per token: whether it opens its sentence (ignoring leading quotes and brackets).
    pub initial: Vec<bool>,
}

/// Whether token `i` is a word that can be part of a name by its shape:
/// capitalized, or a product-style word with an inner capital (`iPhone`).
pub fn namey(text: &Text<'_>, i: usize) -> bool {
    let Some(t) = text.tokens().get(i) else {
        return false;
    };
    if t.kind != TokenKind::Word {
        return false;
    }
    let s = text.token_text(i);
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => {
            // "eBay", "iRobot": one lowercase letter then a capital.
            cs.next().is_some_and(char::is_uppercase) && s.chars().count() >= 3
        }
        _ => false,
    }
}

impl<'a> DocInfo<'a> {
    /// Scan the article once.
    pub fn new(text: &Text<'a>) -> Self {
        let toks = text.tokens();
        let mut initial = vec![false; toks.len()];
        for s in text.sentences() {
            for i in s.tokens() {
                let Some(t) = toks.get(i) else { break };
                initial[i] = true;
                if t.kind == TokenKind::Word || t.kind == TokenKind::Number {
                    break;
                }
            }
        }
        // A word right after an opening quote or a colon also starts a clause.
        for i in 1..toks.len() {
            if toks[i].kind == TokenKind::Word
                && ((toks[i - 1].kind == TokenKind::Quote && !toks[i].space_before)
                    || (toks[i - 1].kind == TokenKind::Punct && text.token_text(i - 1) == ":"))
            {
                initial[i] = true;
            }
        }
        // Per word token, the case of its first letter (computed once).
        let case: Vec<Case> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if t.kind == TokenKind::Word {
                    first_case(text.token_text(i))
                } else {
                    Case::Other
                }
            })
            .collect();
        let mut headline = Vec::with_capacity(text.sentences().len());
        for s in text.sentences() {
            let (mut caps, mut lows, mut words) = (0usize, 0usize, 0usize);
            for i in s.tokens() {
                if toks.get(i).is_none_or(|t| t.kind != TokenKind::Word) {
                    continue;
                }
                match case.get(i) {
                    Some(Case::Lower) => lows += 1,
                    Some(Case::Upper) => caps += 1,
                    _ => {}
                }
                words += 1;
            }
            // Title case: nearly every word capitalized, over a few words, and
            // no full stop at the end (a name-dense sentence still has one).
            let last = s.tokens().last().and_then(|i| text.get_text(i));
            let unfinished = !matches!(last, Some("." | "!" | "?"));
            headline.push(words >= 4 && lows * 5 <= words && caps >= 4 && unfinished);
        }
        let in_headline =
            |t: &crate::text::Token| headline.get(t.sentence as usize).copied().unwrap_or(false);
        // Only words capitalized by position are ever asked about: collect
        // them first, so that the scan of the whole article below hashes
        // only words of the right length and stores only those asked about.
        let mut asked_lower: HashSet<String> = HashSet::default();
        let mut asked_cap: HashSet<&'a str> = HashSet::default();
        // (first byte, length) of the asked words: most other words fail this
        // test before any hashing.
        let mut shapes = [0u64; 64];
        let shape = |w: &str| {
            (
                usize::from(w.as_bytes().first().copied().unwrap_or(0) & 63),
                1u64 << w.len().min(63),
            )
        };
        for (i, t) in toks.iter().enumerate() {
            let positional = initial[i] || in_headline(t);
            if t.kind == TokenKind::Word && positional && namey(text, i) {
                let w = text.token_text(i);
                asked_cap.insert(w);
                if initial[i] && !in_headline(t) {
                    let lw = w.to_lowercase();
                    let (row, bit) = shape(&lw);
                    if let Some(r) = shapes.get_mut(row) {
                        *r |= bit;
                    }
                    asked_lower.insert(lw);
                }
            }
        }
        let mut lower_seen = HashSet::default();
        let mut cap_mid = HashSet::default();
        for (i, t) in toks.iter().enumerate() {
            let c = case.get(i).copied().unwrap_or(Case::Other);
            if c == Case::Lower {
                let w = text.token_text(i);
                let (row, bit) = shape(w);
                if shapes.get(row).is_some_and(|r| r & bit != 0)
                    && asked_lower.contains(w)
                    && !namey(text, i)
                {
                    lower_seen.insert(w);
                }
            } else if c == Case::Upper && !initial[i] && !in_headline(t) {
                let w = text.token_text(i);
                if asked_cap.contains(w) {
                    cap_mid.insert(w);
                }
            }
        }
        DocInfo {
            lower_seen,
            cap_mid,
            headline,
            initial,
        }
    }

    /// Whether token `i` sits in a headline line.
    pub fn in_headline(&self, text: &Text<'_>, i: usize) -> bool {
        text.tokens()
            .get(i)
            .and_then(|t| self.headline.get(t.sentence as usize))
            .copied()
            .unwrap_or(false)
    }
}

/// The case of a word's first letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    /// Lowercase letter first.
    Lower,
    /// Uppercase letter first.
    Upper,
    /// Anything else (digit, no word).
    Other,
}

/// The case of the first letter of `w` (ASCII without decoding).
fn first_case(w: &str) -> Case {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_lowercase() => Case::Lower,
        Some(b) if b.is_ascii_uppercase() => Case::Upper,
        Some(b) if b.is_ascii() => Case::Other,
        _ => match w.chars().next() {
            Some(c) if c.is_lowercase() => Case::Lower,
            Some(c) if c.is_uppercase() => Case::Upper,
            _ => Case::Other,
        },
    }
}

/// A run of tokens `first..end` that may hold one or more names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
}

fn lower<'a>(text: &Text<'a>, i: usize) -> Lower<'a> {
    lower::lower(text.token_text(i))
}

/// Whether token `i` is a capitalized word that is never a name alone.
fn non_name(kb: &Knowledge, text: &Text<'_>, i: usize) -> bool {
    if kb.is_non_name_caps(text.token_text(i)) {
        return true;
    }
    // "US$299": a currency prefix, not the country.
    if text.get_text(i + 1) == Some("$") && !text.tokens()[i + 1].space_before {
        return true;
    }
    if text.is_all_caps(i) && text.token_text(i).chars().count() <= 4 {
        // "US", "IT": acronyms are not the function words they spell.
        return false;
    }
    let lw = lower(text, i);
    if kb.is_non_name(&lw) {
        return true;
    }
    // Contractions of function words: "I’m", "It's", "Don't", "We'll".
    match lw.split_once(['\'', '’']) {
        Some((base, _)) => {
            kb.is_non_name(base)
                || matches!(
                    base,
                    "don" | "can" | "won" | "didn" | "isn" | "wasn" | "let"
                )
        }
        None => false,
    }
}

/// Whether word `i`, capitalized only by position, has evidence of being a name.
pub(crate) fn positional_evidence(
    kb: &Knowledge,
    doc: &DocInfo<'_>,
    text: &Text<'_>,
    i: usize,
) -> bool {
    let w = text.token_text(i);
    if kb.lookup(w).is_some()
        || kb.is_first_name(w)
        || kb.title(&lower(text, i)).is_some()
        || doc.cap_mid.contains(w)
    {
        return true;
    }
    // An acronym is evidence enough; a shouted headline word is not
    // ("TRUMP SAYS"), unless known in its title-cased form (checked above).
    if text.is_all_caps(i) && !doc.in_headline(text, i) {
        return true;
    }
    // A multi-word known name starting here ("New York").
    if let Some(next) = text.get_text(i + 1) {
        let key = format!("{w} {next}");
        if kb.lookup(&key).is_some() {
            return true;
        }
    }
    false
}

/// Whether token `i` may start or continue a name.
fn can_be_name(
    kb: &Knowledge,
    doc: &DocInfo<'_>,
    text: &Text<'_>,
    i: usize,
    starting: bool,
) -> bool {
    if !namey(text, i) || non_name(kb, text, i) {
        return false;
    }
    let w = text.token_text(i);
    if w == "'s" || w == "’s" {
        return false;
    }
    let headline = doc.in_headline(text, i);
    let positional = headline || (starting && doc.initial.get(i).copied().unwrap_or(false));
    if !positional {
        return true;
    }
    if positional_evidence(kb, doc, text, i) {
        return true;
    }
    if headline {
        return false;
    }
    // Sentence start: an unknown word the article never writes lowercase,
    // directly followed by another name word ("Marek Oduya said").
    let lw = lower(text, i);
    !doc.lower_seen.contains(&*lw)
        && !lw.ends_with("ly")
        && !lw.ends_with("ing")
        && namey(text, i + 1)
        && text.tokens().get(i + 1).is_some_and(|t| t.space_before)
}

/// Token `i` is punctuation `p` glued to both neighbours.
fn glued(text: &Text<'_>, i: usize, p: &str) -> bool {
    let toks = text.tokens();
    text.get_text(i) == Some(p)
        && !toks[i].space_before
        && toks.get(i + 1).is_some_and(|t| !t.space_before)
}

/// Whether token `h` is a hyphen with spaces on both sides joining the
/// one-word run `first..h` to a single capitalized word, where neither word
/// is a known name, a census name or an acronym: the halves of one name
/// ("Coca - Cola"), not two names around a dash ("France - Germany").
fn spaced_hyphen_name(kb: &Knowledge, text: &Text<'_>, first: usize, h: usize) -> bool {
    let toks = text.tokens();
    let half = |i: usize| {
        namey(text, i)
            && !text.is_all_caps(i)
            && kb.lookup(text.token_text(i)).is_none()
            && !kb.is_first_name(text.token_text(i))
            && !kb.is_last_name(text.token_text(i))
            && kb.title(&lower(text, i)).is_none()
    };
    h == first + 1
        && text.get_text(h) == Some("-")
        && toks[h].space_before
        && toks.get(h + 1).is_some_and(|t| t.space_before)
        && same_sentence(text, first, h + 1)
        && half(first)
        && half(h + 1)
        && !namey(text, h + 2)
}

/// End of the plain capitalized run starting at `i` (no connectors).
fn plain_end(kb: &Knowledge, doc: &DocInfo<'_>, text: &Text<'_>, i: usize) -> usize {
    let mut e = i;
    while e < text.tokens().len()
        && same_sentence(text, i, e)
        && can_be_name(kb, doc, text, e, false)
    {
        e += 1;
    }
    e
}

fn same_sentence(text: &Text<'_>, a: usize, b: usize) -> bool {
    let t = text.tokens();
    matches!((t.get(a), t.get(b)), (Some(x), Some(y)) if x.sentence == y.sentence)
}

/// Tokens `first..end` as written, single-spaced.
fn text_key(text: &Text<'_>, first: usize, end: usize) -> String {
    text.token_span(first, end)
        .map(|s| s.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// All candidate runs, in body order, not overlapping.
pub fn runs(kb: &Knowledge, doc: &DocInfo<'_>, text: &Text<'_>) -> Vec<Run> {
    let n = text.tokens().len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !can_be_name(kb, doc, text, i, true) {
            i += 1;
            continue;
        }
        let first = i;
        let mut end = i + 1;
        loop {
            if end >= n || !same_sentence(text, first, end) {
                break;
            }
            if can_be_name(kb, doc, text, end, false) {
                end += 1;
                continue;
            }
            let s = text.token_text(end);
            let prev = text.token_text(end - 1);
            // Initial: "George W. Bush".
            if s == "."
                && !text.tokens()[end].space_before
                && prev.chars().count() == 1
                && prev.chars().all(char::is_uppercase)
                && namey(text, end + 1)
                && same_sentence(text, first, end + 1)
            {
                end += 1;
                continue;
            }
            // "Mr. Smith", "Gen. Petraeus": a title abbreviation's dot.
            if s == "."
                && !text.tokens()[end].space_before
                && kb.title(&lower::lower(prev)).is_some()
                && namey(text, end + 1)
                && same_sentence(text, first, end + 1)
            {
                end += 1;
                continue;
            }
            // "AT&T", "Johnson & Johnson".
            if s == "&" && namey(text, end + 1) && same_sentence(text, first, end + 1) {
                end += 1;
                continue;
            }
            // Hyphenated names, unless both parts are names of their own.
            if glued(text, end, "-") && namey(text, end + 1) && same_sentence(text, first, end + 1)
            {
                let left_known = kb.lookup(prev).is_some();
                let right_known = text
                    .get_text(end + 1)
                    .is_some_and(|r| kb.lookup(r).is_some());
                if !(left_known && right_known) {
                    end += 1;
                    continue;
                }
                break;
            }
            // "Coca - Cola": a tokenized corpus spaces the
            // hyphen of a one-word name whose halves are no names alone.
            if spaced_hyphen_name(kb, text, first, end) {
                end += 2;
                continue;
            }
            let ls = lower::lower(s);
            // Particles: "von der Leyen", "bin Salman".
            if kb.is_particle(&ls) && end - first <= 2 {
                let mut j = end;
                while j < n && kb.is_particle(&lower(text, j)) && j - end < 3 {
                    j += 1;
                }
                if namey(text, j) && same_sentence(text, first, j) && j > end {
                    end = j;
                    continue;
                }
                break;
            }
            // "of": "Bank of England", "Secretary of State".
            if ls == "of" && kb.is_of_head(prev) && namey(text, end + 1) {
                let e2 = plain_end(kb, doc, text, end + 1);
                if e2 > end + 1 {
                    end = e2;
                    continue;
                }
                break;
            }
            // "for": "Bank for International Settlements", "Federal
            // Office for the Northfield Waterways": an institution's head word, then
            // "for" and a name (an optional "the" between).
            if ls == "for" && kb.is_of_head(prev) && kb.is_org_head(prev) {
                let mut j = end + 1;
                if text.get_text(j) == Some("the") {
                    j += 1;
                }
                if namey(text, j) && same_sentence(text, first, j) {
                    let e2 = plain_end(kb, doc, text, j);
                    if e2 > j {
                        end = e2;
                        continue;
                    }
                }
                break;
            }
            // "and": "Securities and Exchange Commission" (the whole ends with an org word).
            if ls == "and"
                && namey(text, end + 1)
                && kb.lookup(prev).is_none()
                && kb.lookup(&text_key(text, first, end)).is_none()
                && text
                    .get_text(end + 1)
                    .is_some_and(|w| kb.lookup(w).is_none())
            {
                let e2 = plain_end(kb, doc, text, end + 1);
                if e2 > end + 1 && text.get_text(e2 - 1).is_some_and(|w| kb.is_org_head(w)) {
                    end = e2;
                    continue;
                }
                break;
            }
            break;
        }
        // A trailing connector never ends a run.
        while end > first + 1 {
            let last = text.token_text(end - 1);
            if matches!(last, "&" | "." | "-") || kb.is_particle(&lower::lower(last)) {
                end -= 1;
            } else {
                break;
            }
        }
        // A known name may go on past the run: "Channel 4", "G20",
        // "Johnson & Johnson", "McDonald's".
        let continues = end < n
            && same_sentence(text, first, end)
            && (text.tokens()[end].kind == TokenKind::Number
                || matches!(
                    text.token_text(end),
                    "&" | "'s" | "’s" | "-" | "'" | "and" | "of"
                ));
        let mut probe = text.token_text(first).to_string();
        let max = if continues {
            (first + kb.max_words).min(n)
        } else {
            first
        };
        for j in first + 1..max {
            if !same_sentence(text, first, j) {
                break;
            }
            if text.tokens()[j].space_before {
                probe.push(' ');
            }
            probe.push_str(text.token_text(j));
            if !kb.may_extend(&probe) {
                break;
            }
            if j + 1 > end && kb.lookup(&probe).is_some() {
                end = j + 1;
            }
        }
        // "Acme, Inc.": the legal form after a comma belongs to the name.
        if end + 1 < n
            && text.token_text(end) == ","
            && matches!(
                text.token_text(end + 1),
                "Inc"
                    | "Inc."
                    | "Corp"
                    | "Corp."
                    | "Ltd"
                    | "Ltd."
                    | "LLC"
                    | "Co"
                    | "Co."
                    | "plc"
                    | "PLC"
            )
        {
            end += 2;
        }
        // "Acme Inc.": the abbreviation's dot belongs to the name.
        if end < n
            && text.token_text(end) == "."
            && !text.tokens()[end].space_before
            && matches!(
                text.token_text(end - 1),
                "Inc" | "Corp" | "Co" | "Ltd" | "Jr" | "Sr" | "Bros" | "St"
            )
        {
            end += 1;
        }
        out.push(Run { first, end });
        i = end;
    }
    out
}
