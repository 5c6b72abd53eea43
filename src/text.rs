//! The shared analysis of one article body: tokens and sentences, computed once.
//!
//! Every enrichment stage reads this instead of rescanning the raw string with
//! its own regexes. Tokens carry both byte offsets (to slice `body` cheaply) and
//! Unicode code-point offsets (what the output contract speaks), so no stage
//! ever converts offsets itself.
//!
//! Tokenization rules, chosen for English news text:
//! - a *word* is a run of letters, digits and combining marks; an apostrophe
//!   between two letters stays inside it (`I’m`, `don't`, `O'Brien`), except a
//!   possessive `'s`/`’s`, which becomes its own token so that `Ukraine’s`
//!   yields the name `Ukraine`;
//! - dotted abbreviations (`U.S.`, `p.m.`, `e.g.`) are one word, final dot
//!   included;
//! - a *number* is a digit run with inner `.`, `,` or `:` between digits
//!   (`1,000`, `2.5`, `3:30`); digits followed by letters (`1990s`, `50th`,
//!   `3pm`) form a word;
//! - every other visible character is a one-character token, quotation marks
//!   (straight, curly, guillemets, low-9) being of kind [`TokenKind::Quote`].
//!
//! Sentences end at `.`, `!`, `?` or `…` (plus any closing quotes or brackets)
//! before a capitalized word, a digit or an opening quote, unless the word
//! before the dot is a known abbreviation or an initial; a blank line always
//! ends a sentence, and so does a single line break after terminal
//! punctuation or before a capitalized line (headlines, datelines).

use std::borrow::Cow;

/// What a token is, as far as every stage needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner apostrophes or abbreviation dots.
    Word,
    /// Digits with optional inner `.`, `,`, `:` separators.
    Number,
    /// A quotation mark of any style (see [`quote_char_kind`]).
    Quote,
    /// Any other single visible character.
    Punct,
}

/// One token of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Its kind, decided by the tokenizer.
    pub kind: TokenKind,
    /// Byte offset of the first byte in the body: slicing stays O(1).
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// Code-point offset of the first character: what the contract reports.
    pub cstart: u32,
    /// Code-point offset one past the last character.
    pub cend: u32,
    /// Whether whitespace separates it from the previous token: tells
    /// `Ukraine-US` from `Ukraine - US`, and opening from closing quotes.
    pub space_before: bool,
    /// Line breaks in the whitespace before it (saturating): paragraph
    /// structure, which quotes and sentence splitting depend on.
    pub newlines_before: u8,
    /// Index of the sentence it belongs to.
    pub sentence: u32,
}

impl Token {
    /// Byte range, for slicing the body.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A sentence: a contiguous range of tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Index of its first token.
    pub first: u32,
    /// Index one past its last token.
    pub end: u32,
    /// Whether it starts a paragraph (first sentence, or after a blank line
    /// or line break): multi-paragraph quotes reopen there.
    pub starts_paragraph: bool,
}

impl Sentence {
    /// Token indices of this sentence.
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.first as usize..self.end as usize
    }
}

/// A span of the body in the contract's terms (code points), with its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharSpan<'a> {
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// The body's text for it.
    pub text: &'a str,
}

/// The analysed body: built once per article by [`Text::analyze`].
#[derive(Debug)]
pub struct Text<'a> {
    /// The article body the offsets refer to (after any `date` header).
    body: &'a str,
    /// All tokens, in order.
    tokens: Vec<Token>,
    /// All sentences, in order; every token belongs to exactly one.
    sentences: Vec<Sentence>,
}

/// What role a quotation-mark character can play.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteCharKind {
    /// Only ever opens: `“ ‘ « „ ‚ ‹` (English usage).
    Open,
    /// Only ever closes: `” »  ›` (and `’`, which also serves as apostrophe).
    Close,
    /// Opens or closes depending on context: `"` and `'`.
    Ambiguous,
}

/// Whether `c` is a quotation mark, and of which kind.
pub fn quote_char_kind(c: char) -> Option<QuoteCharKind> {
    match c {
        '“' | '‘' | '«' | '„' | '‚' | '‹' | '‟' | '‛' => Some(QuoteCharKind::Open),
        '”' | '’' | '»' | '›' => Some(QuoteCharKind::Close),
        '"' | '\'' | '`' | '＂' => Some(QuoteCharKind::Ambiguous),
        _ => None,
    }
}

/// Whether a quote character is a double (as opposed to single) mark.
pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '＂')
}

/// An apostrophe: straight or typographic.
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Words after which a dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "adm",
    "maj", "cmdr", "st", "mt", "ft", "rev", "hon", "pres", "atty", "supt", "dept", "univ", "vs",
    "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "est", "fig", "vol", "ave", "blvd", "rd", "cf", "ca", "etc", "messrs", "mme", "mlle",
    "sr", "jr", "inc", "corp", "co", "ltd", "plc", "bros", "mass", "calif", "fla", "ill", "wash",
    "conf", "ariz", "colo", "conn", "del", "ga", "ind", "kan", "ky", "la", "md", "mich", "minn",
    "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wis",
    "wyo", "dak", "ala", "ark",
];

/// Whether `lower` (a lowercase word without its dot) is a known
/// abbreviation ("mr", "sen", "inc"), whose dot need not end a sentence.
pub fn is_abbreviation(lower: &str) -> bool {
    ABBREVIATIONS.contains(&lower)
}

/// Abbreviations that also commonly end a sentence ("… Acme Inc. The …"):
/// after them a dot ends the sentence when a typical sentence opener follows.
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] =
    &["inc", "corp", "co", "ltd", "plc", "jr", "sr", "etc", "bros"];

/// Capitalized words that very often open a sentence: used to decide after
/// ambiguous abbreviations (`U.S.`, `Inc.`).
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "There",
    "On",
    "At",
    "As",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "Most",
    "Now",
    "Last",
    "Earlier",
    "Later",
    "According",
    "Also",
    "So",
    "Yet",
    "Still",
    "Since",
    "Although",
    "What",
    "Who",
    "Why",
    "How",
    "Under",
    "With",
    "By",
    "From",
    "Analysts",
    "Shares",
    "Officials",
];

impl<'a> Text<'a> {
    /// Tokenize and sentence-split `body`. Linear in its length; never panics.
    pub fn analyze(body: &'a str) -> Self {
        let tokens = tokenize(body);
        let mut text = Text {
            body,
            tokens,
            sentences: Vec::new(),
        };
        text.split_sentences();
        text
    }

    /// The body the offsets refer to.
    pub fn body(&self) -> &'a str {
        self.body
    }

    /// All tokens.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// All sentences.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The text of token `i`. Panics on an out-of-range index, like slice indexing.
    pub fn token_text(&self, i: usize) -> &'a str {
        &self.body[self.tokens[i].range()]
    }

    /// The text of token `i`, if it exists.
    pub fn get_text(&self, i: usize) -> Option<&'a str> {
        self.tokens.get(i).map(|t| &self.body[t.range()])
    }

    /// Token `i` lowercased; borrowed when it already is.
    pub fn lower(&self, i: usize) -> Cow<'a, str> {
        lowercase(self.token_text(i))
    }

    /// Whether token `i` starts with an uppercase letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.get_text(i)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is a word with all its letters uppercase (and at least two letters).
    pub fn is_all_caps(&self, i: usize) -> bool {
        let Some(s) = self.get_text(i) else {
            return false;
        };
        let mut letters = 0;
        for c in s.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
        letters >= 2
    }

    /// Whether token `i` is the first token of its sentence.
    pub fn is_sentence_start(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| self.sentences[t.sentence as usize].first as usize == i)
    }

    /// The sentence containing token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<&Sentence> {
        self.tokens
            .get(i)
            .and_then(|t| self.sentences.get(t.sentence as usize))
    }

    /// The span covering tokens `first..end` (token indices, `end` exclusive),
    /// or `None` when the range is empty or out of bounds.
    pub fn token_span(&self, first: usize, end: usize) -> Option<CharSpan<'a>> {
        if first >= end || end > self.tokens.len() {
            return None;
        }
        let (a, b) = (&self.tokens[first], &self.tokens[end - 1]);
        Some(CharSpan {
            start: a.cstart as usize,
            end: b.cend as usize,
            text: &self.body[a.start as usize..b.end as usize],
        })
    }

    /// The span for an arbitrary byte range that lies on character
    /// boundaries; `None` otherwise. Costs a binary search plus a scan of at
    /// most one token and the whitespace before it.
    pub fn byte_span(&self, start: usize, end: usize) -> Option<CharSpan<'a>> {
        if start > end || !self.body.is_char_boundary(start) || !self.body.is_char_boundary(end) {
            return None;
        }
        let text = self.body.get(start..end)?;
        let cstart = self.char_offset(start);
        Some(CharSpan {
            start: cstart,
            end: cstart + text.chars().count(),
            text,
        })
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        // The last token starting at or before `byte` anchors the count.
        let idx = self.tokens.partition_point(|t| (t.start as usize) <= byte);
        let (anchor_byte, anchor_char) = match idx.checked_sub(1).map(|i| &self.tokens[i]) {
            Some(t) => (t.start as usize, t.cstart as usize),
            None => (0, 0),
        };
        anchor_char
            + self
                .body
                .get(anchor_byte..byte)
                .map_or(0, |s| s.chars().count())
    }

    /// Index of the first token whose byte start is at or after `byte`.
    pub fn token_at_or_after(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| (t.start as usize) < byte)
    }

    fn split_sentences(&mut self) {
        let n = self.tokens.len();
        let mut sentences = Vec::new();
        let mut first = 0usize;
        let mut starts_paragraph = true;
        let mut i = 0usize;
        while i < n {
            // A boundary *before* token i?
            if i > first {
                let t = self.tokens[i];
                let break_here = if t.newlines_before >= 2 {
                    true
                } else if t.newlines_before == 1 {
                    self.line_break_ends_sentence(i)
                } else {
                    false
                };
                if break_here {
                    sentences.push(Sentence {
                        first: first as u32,
                        end: i as u32,
                        starts_paragraph,
                    });
                    starts_paragraph = true;
                    first = i;
                    continue;
                }
            }
            // A boundary after terminal punctuation (plus closers) at i?
            if self.is_terminal(i) {
                let mut j = i + 1;
                // Closing quotes and brackets glued to the terminal belong to this sentence.
                while j < n && !self.tokens[j].space_before && self.tokens[j].newlines_before == 0 {
                    let s = self.token_text(j);
                    if self.tokens[j].kind == TokenKind::Quote
                        || matches!(s, ")" | "]" | "}")
                        || self.is_terminal(j)
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                if j < n && self.tokens[j].newlines_before == 0 && self.starts_new_sentence(i, j) {
                    sentences.push(Sentence {
                        first: first as u32,
                        end: j as u32,
                        starts_paragraph,
                    });
                    starts_paragraph = false;
                    first = j;
                    i = j;
                    continue;
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
        if first < n {
            sentences.push(Sentence {
                first: first as u32,
                end: n as u32,
                starts_paragraph,
            });
        }
        for (si, s) in sentences.iter().enumerate() {
            for t in &mut self.tokens[s.tokens()] {
                t.sentence = si as u32;
            }
        }
        self.sentences = sentences;
    }

    fn is_terminal(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.kind == TokenKind::Punct {
            return matches!(self.token_text(i), "." | "!" | "?" | "…");
        }
        // A dotted abbreviation ("U.S.") carries its final dot.
        t.kind == TokenKind::Word && self.token_text(i).ends_with('.')
    }

    /// After terminal token `term`, does a new sentence start at `next`?
    fn starts_new_sentence(&self, term: usize, next: usize) -> bool {
        let nt = &self.tokens[next];
        if !nt.space_before {
            return false;
        }
        let next_text = self.token_text(next);
        let opener_ok = match nt.kind {
            TokenKind::Quote => true,
            TokenKind::Number => true,
            TokenKind::Word => next_text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
            TokenKind::Punct => matches!(next_text, "(" | "[" | "-" | "–" | "—" | "•"),
        };
        if !opener_ok {
            return false;
        }
        let term_text = self.token_text(term);
        let is_opener = SENTENCE_OPENERS.contains(&next_text);
        // Dotted abbreviation token ("U.S."): only before a typical opener.
        if self.tokens[term].kind == TokenKind::Word {
            return is_opener;
        }
        if term_text != "." || term == 0 {
            return true;
        }
        let prev = term - 1;
        let pt = &self.tokens[prev];
        if pt.kind != TokenKind::Word || self.tokens[term].space_before {
            return true;
        }
        let word = self.token_text(prev);
        // An initial: "George W. Bush".
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase() {
                return false;
            }
        }
        // "No. 1", "Nos. 3 and 4": the number abbreviation, before a number only.
        if matches!(word, "No" | "Nos") && nt.kind == TokenKind::Number {
            return false;
        }
        let lw = lowercase(word);
        if is_abbreviation(&lw) {
            return SENTENCE_FINAL_ABBREVIATIONS.contains(&lw.as_ref()) && is_opener;
        }
        true
    }

    /// A single line break before token `i` ends a sentence unless the line
    /// looks hard-wrapped (previous line not finished, next starts lowercase).
    fn line_break_ends_sentence(&self, i: usize) -> bool {
        let prev = i - 1;
        if self.is_terminal(prev) || matches!(self.tokens[prev].kind, TokenKind::Quote) {
            return true;
        }
        let s = self.token_text(i);
        !s.chars().next().is_some_and(char::is_lowercase)
    }
}

/// Appends `c` lowercased as [`char::to_lowercase`] does (one character at
/// a time, so no final-sigma rule): word normalizers call it per character,
/// and ASCII, most of news text, skips the Unicode tables.
#[inline]
pub fn push_lowercase(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Lowercase `s`, borrowing when nothing changes.
pub fn lowercase(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn tokenize(body: &str) -> Vec<Token> {
    // News prose averages a bit under six bytes per token.
    let mut tokens = Vec::with_capacity(body.len() / 5 + 1);
    let bytes = body.as_bytes();
    let mut it = body.char_indices().peekable();
    let mut cpos: u32 = 0; // code-point index of the char at the iterator's head
    let mut space_before = false;
    let mut newlines: u8 = 0;

    // Offsets are stored as u32: bodies are capped far below 4 GiB by the
    // decoder, and saturate rather than wrap if someone calls this directly.
    let to32 = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);

    while let Some(&(b, c)) = it.peek() {
        if c.is_whitespace() || c.is_control() || c == '\u{feff}' || c == '\u{200b}' {
            if c == '\n' {
                newlines = newlines.saturating_add(1);
            }
            space_before = true;
            it.next();
            cpos += 1;
            continue;
        }
        let start = b;
        let cstart = cpos;
        let (kind, end, cend) = if is_word_char(c) {
            // Consume a word or number.
            let mut all_digits = true;
            let mut end = b;
            let mut cend = cpos;
            let mut dotted = false;
            while let Some(&(pb, pc)) = it.peek() {
                if is_word_char(pc) {
                    if !pc.is_ascii_digit() && !is_combining_mark(pc) {
                        all_digits = false;
                    }
                    it.next();
                    end = pb + pc.len_utf8();
                    cend += 1;
                    continue;
                }
                let next = body[pb + pc.len_utf8()..].chars().next();
                let next_is_word = next.is_some_and(is_word_char);
                if is_apostrophe(pc) && next_is_word && !all_digits {
                    // Possessive 's ends the word here; other inner apostrophes join.
                    let after = &body[pb + pc.len_utf8()..];
                    let mut ac = after.chars();
                    let possessive = matches!(ac.next(), Some('s' | 'S'))
                        && !ac.next().is_some_and(is_word_char);
                    if possessive {
                        break;
                    }
                    it.next();
                    end = pb + pc.len_utf8();
                    cend += 1;
                    continue;
                }
                if all_digits
                    && matches!(pc, '.' | ',' | ':')
                    && next.is_some_and(|n| n.is_ascii_digit())
                {
                    it.next();
                    end = pb + 1;
                    cend += 1;
                    continue;
                }
                if pc == '.' && !all_digits {
                    // Dotted abbreviation: single letters separated by dots ("U.S.", "p.m.").
                    let word = &body[start..pb];
                    let last_seg = word.rsplit('.').next().unwrap_or(word);
                    if last_seg.chars().count() == 1
                        && (dotted || next.is_some_and(char::is_alphabetic))
                    {
                        let after = &body[pb + 1..];
                        let mut ac = after.chars();
                        let seg_follows = ac.next().is_some_and(char::is_alphabetic)
                            && matches!(ac.next(), Some('.'));
                        if seg_follows {
                            it.next();
                            end = pb + 1;
                            cend += 1;
                            dotted = true;
                            continue;
                        }
                        if dotted {
                            // Final dot of "U.S." belongs to the word.
                            it.next();
                            end = pb + 1;
                            cend += 1;
                        }
                    }
                }
                break;
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            (kind, end, cend)
        } else {
            it.next();
            let mut end = b + c.len_utf8();
            let mut cend = cpos + 1;
            let mut k = match quote_char_kind(c) {
                Some(_) => TokenKind::Quote,
                None => TokenKind::Punct,
            };
            // A possessive 's after a word: one token "'s" (kind Word).
            if is_apostrophe(c)
                && !space_before
                && tokens.last().is_some_and(|t: &Token| t.end as usize == b)
            {
                let after = &body[end..];
                let mut ac = after.chars();
                if matches!(ac.next(), Some('s' | 'S')) && !ac.next().is_some_and(is_word_char) {
                    it.next();
                    end += 1;
                    cend += 1;
                    k = TokenKind::Word;
                }
            }
            // LaTeX-style `` and '' quotes: one token.
            if (c == '`' || c == '\'') && bytes.get(end) == Some(&(c as u8)) {
                it.next();
                end += 1;
                cend += 1;
                k = TokenKind::Quote;
            }
            (k, end, cend)
        };
        tokens.push(Token {
            kind,
            start: to32(start),
            end: to32(end),
            cstart,
            cend,
            space_before,
            newlines_before: newlines,
            sentence: 0,
        });
        cpos = cend;
        space_before = false;
        newlines = 0;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(t: &Text<'a>) -> Vec<&'a str> {
        (0..t.tokens().len()).map(|i| t.token_text(i)).collect()
    }

    #[test]
    fn possessive_and_contractions() {
        let t = Text::analyze("Ukraine’s wealth, I’m sure, isn't O'Brien's.");
        assert_eq!(
            words(&t),
            vec![
                "Ukraine", "’s", "wealth", ",", "I’m", "sure", ",", "isn't", "O'Brien", "'s", "."
            ]
        );
        assert_eq!(t.tokens()[1].kind, TokenKind::Word);
    }

    #[test]
    fn numbers_and_abbreviations() {
        let t = Text::analyze("At 3:30 p.m. the U.S. paid $1,000.50 in the 1990s.");
        assert_eq!(
            words(&t),
            vec![
                "At", "3:30", "p.m.", "the", "U.S.", "paid", "$", "1,000.50", "in", "the", "1990s",
                "."
            ]
        );
        assert_eq!(t.tokens()[1].kind, TokenKind::Number);
        assert_eq!(t.tokens()[10].kind, TokenKind::Word);
    }

    #[test]
    fn code_point_offsets() {
        let body = "“Zelensky” said — Kyiv";
        let t = Text::analyze(body);
        let chars: Vec<char> = body.chars().collect();
        for (i, tok) in t.tokens().iter().enumerate() {
            let s: String = chars[tok.cstart as usize..tok.cend as usize]
                .iter()
                .collect();
            assert_eq!(s, t.token_text(i));
        }
        let sp = t.byte_span(body.find("Kyiv").unwrap(), body.len()).unwrap();
        assert_eq!((sp.start, sp.end, sp.text), (18, 22, "Kyiv"));
    }

    #[test]
    fn sentences() {
        let t = Text::analyze(
            "Mr. Smith went to Washington. He said “no.” Then he left.\n\nGeorge W. Bush spoke. Acme Inc. The end",
        );
        let s: Vec<&str> = t
            .sentences()
            .iter()
            .map(|s| t.token_span(s.first as usize, s.end as usize).unwrap().text)
            .collect();
        assert_eq!(
            s,
            vec![
                "Mr. Smith went to Washington.",
                "He said “no.”",
                "Then he left.",
                "George W. Bush spoke.",
                "Acme Inc.",
                "The end"
            ]
        );
        assert!(t.sentences()[3].starts_paragraph);
        assert!(!t.sentences()[1].starts_paragraph);
    }

    #[test]
    fn empty_and_whitespace() {
        assert!(Text::analyze("").tokens().is_empty());
        assert!(Text::analyze(" \n\t ").sentences().is_empty());
    }
}
