//! Quotation-mark pairing over the shared tokens.
//!
//! One left-to-right pass with a stack of open marks: every mark is pushed
//! and popped at most once, so pairing is linear in the number of tokens
//! whatever the input (unbalanced, mismatched, thousands of marks).
//!
//! Rules, for English news:
//! - `“ „ ‟ « ``` open a double quotation; `” »` close one; `''` acts as a
//!   straight `"` (wire text sets both marks as two apostrophes);
//! - `‘ ‚ ‛ ‹` open a single quotation; `’ ›` close one only when a single
//!   quotation is open (otherwise `’` is an apostrophe: `Jones’`, `’90s`);
//! - a straight `"` closes the innermost open straight double quotation, else
//!   closes an open curly one when shaped like a closer (glued to the word
//!   before it, no word glued after: `“…,"`), else opens one; when one is open but the mark is shaped like an opener (space
//!   before, word glued after) and the open one has run past a sentence end,
//!   the open one is taken as unterminated and a new one starts, so one
//!   stray mark does not invert every later pair; a `"` glued to a number
//!   when none is open is an inch mark;
//! - a mistyped curly mark is read by its shape: `“` glued to the word
//!   before it and to no word after closes the open curly quotation, `”`
//!   with a space before and a word glued after opens one when none is open;
//! - `’` right after a sentence mark or comma, with no single quotation
//!   open, ends an open curly double quotation (“…’);
//! - a straight `"` left open to its paragraph's end around curly
//!   quotations is a stray mark and makes no quotation;
//! - a straight `'` opens when shaped like an opener and closes an open
//!   single quotation when glued to the word before it;
//! - a single mark before a decade's digits (`'90s`, `’60s`) is an
//!   apostrophe, and so are both marks of the elided "and" (`rock 'n'
//!   roll`): neither opens nor closes a quotation, so they cannot end a
//!   single quotation around them;
//! - a paragraph break closes every open mark: a double quotation left open
//!   there is emitted up to the paragraph end (the news convention of a quote
//!   running over several paragraphs, each reopened with `“`), single ones
//!   are dropped (they were apostrophes);
//! - marks inside an HTML or XML tag left in the body (`<tweet
//!   author="…" text="…">`, `<a href=”…”>`) delimit attribute values, not
//!   quotations: they are skipped; the text between tags is read as usual.

use crate::text::{Text, TokenKind};

/// One quotation: its marks and its content tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quotation runs to the
    /// end of its paragraph without one.
    pub close: Option<usize>,
    /// First content token.
    pub first: usize,
    /// One past the last content token.
    pub end: usize,
    /// Nesting depth: 0 for an outermost quotation.
    pub depth: u32,
    /// Double (as opposed to single) quotation marks.
    pub double: bool,
}

impl Quoted {
    /// Token index one past the closing mark (or the content end).
    pub fn after(&self) -> usize {
        self.close.map_or(self.end, |c| c + 1)
    }
}

/// What one mark does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Opens a double quotation.
    OpenDouble,
    /// Closes a double quotation.
    CloseDouble,
    /// Straight double: decided by context.
    StraightDouble,
    /// Opens a single quotation.
    OpenSingle,
    /// Closes a single quotation if one is open, else an apostrophe.
    CloseSingle,
    /// Straight single: decided by context.
    StraightSingle,
}

fn role(s: &str) -> Option<Role> {
    match s {
        "``" => return Some(Role::OpenDouble),
        // two apostrophes stand for both marks in some wire text
        // (''…,'' she said), like a straight double mark
        "''" => return Some(Role::StraightDouble),
        _ => {}
    }
    let mut cs = s.chars();
    let c = cs.next()?;
    if cs.next().is_some() {
        return None;
    }
    Some(match c {
        '“' | '„' | '‟' | '«' => Role::OpenDouble,
        '”' | '»' => Role::CloseDouble,
        '"' | '＂' => Role::StraightDouble,
        '‘' | '‚' | '‛' | '‹' | '`' => Role::OpenSingle,
        '’' | '›' => Role::CloseSingle,
        '\'' => Role::StraightSingle,
        _ => return None,
    })
}

/// An open mark on the stack.
#[derive(Clone, Copy, Debug)]
struct Open {
    /// Token index of the mark.
    tok: usize,
    /// Double quotation.
    double: bool,
    /// Straight mark (closed by a straight mark).
    straight: bool,
    /// Sentence index where it opened.
    sentence: u32,
}

impl Open {
    /// The quotation this mark opens, closed at `close` (or run to `end`
    /// without a closing mark), at nesting `depth`.
    fn quoted(&self, close: Option<usize>, end: usize, depth: u32) -> Quoted {
        Quoted {
            open: self.tok,
            close,
            first: self.tok + 1,
            end,
            depth,
            double: self.double,
        }
    }
}

/// Whether a paragraph starts at token `i`.
pub fn paragraph_starts_at(text: &Text<'_>, i: usize) -> bool {
    let Some(t) = text.tokens().get(i) else {
        return false;
    };
    if i == 0 {
        return true;
    }
    if t.newlines_before >= 2 {
        return true;
    }
    t.newlines_before >= 1
        && text.is_sentence_start(i)
        && text.sentence_of(i).is_some_and(|s| s.starts_paragraph)
}

/// Pair the quotation marks of `text`. Quotations come out sorted by their
/// opening mark.
pub fn pair(text: &Text<'_>) -> Vec<Quoted> {
    let toks = text.tokens();
    let n = toks.len();
    let mut stack: Vec<Open> = Vec::new();
    let mut doubles_open = 0usize;
    let mut out: Vec<Quoted> = Vec::new();
    // one past the `>` of the markup tag being read
    let mut tag_end = 0usize;
    // one past the marks of an elided "and" ("rock 'n' roll") being read
    let mut skip_to = 0usize;

    for i in 0..n {
        if i > 0 && paragraph_starts_at(text, i) && !stack.is_empty() {
            flush(&mut stack, &mut out, i);
            doubles_open = 0;
        }
        if i >= tag_end {
            if let Some(end) = markup_tag_end(text, i) {
                tag_end = end;
            }
        }
        let t = toks[i];
        if t.kind != TokenKind::Quote || i < tag_end || i < skip_to {
            continue;
        }
        let Some(r) = role(text.token_text(i)) else {
            continue;
        };
        let glued_left = !t.space_before && i > 0;
        let next = toks.get(i + 1);
        let glued_right = next.is_some_and(|n| !n.space_before);
        let next_is_word = glued_right && next.is_some_and(|n| n.kind == TokenKind::Word);
        let next_is_number = glued_right && next.is_some_and(|n| n.kind == TokenKind::Number);
        let prev_kind = if i > 0 { Some(toks[i - 1].kind) } else { None };
        let opener_shape = !glued_left && glued_right;
        let here = Open {
            tok: i,
            double: true,
            straight: false,
            sentence: t.sentence,
        };
        match r {
            // a mistyped mark: `“` shaped like a closer (glued to the word
            // or mark before it, no word glued after) ends the curly
            // quotation open before it ...
            Role::OpenDouble
                if glued_left
                    && !next_is_word
                    && innermost_double(&stack).is_some_and(|o| !o.straight) =>
            {
                close_double(&mut stack, &mut out, &mut doubles_open, i, |o| !o.straight);
            }
            Role::OpenDouble => {
                stack.push(here);
                doubles_open += 1;
            }
            // ... and `”` shaped like an opener with none open starts one
            Role::CloseDouble if doubles_open == 0 && opener_shape && next_is_word => {
                stack.push(here);
                doubles_open += 1;
            }
            Role::CloseDouble => {
                close_double(&mut stack, &mut out, &mut doubles_open, i, |_| true);
            }
            Role::StraightDouble => {
                let top_straight = innermost_double(&stack).is_some_and(|o| o.straight);
                if top_straight {
                    let stale = innermost_double(&stack).is_some_and(|o| {
                        o.sentence + 1 < t.sentence && (next_is_word || next_is_number)
                    });
                    if opener_shape && stale {
                        // The open one never closed: drop it, start afresh.
                        drop_innermost_double(&mut stack, &mut doubles_open);
                        stack.push(Open {
                            straight: true,
                            ..here
                        });
                        doubles_open += 1;
                    } else {
                        close_double(&mut stack, &mut out, &mut doubles_open, i, |o| o.straight);
                    }
                } else if glued_left && prev_kind == Some(TokenKind::Number) {
                    // 13.3" display: an inch mark.
                } else if innermost_double(&stack).is_some() && glued_left && !next_is_word {
                    // mixed styles, “…," : a closer-shaped straight mark
                    // ends the curly quotation open before it
                    close_double(&mut stack, &mut out, &mut doubles_open, i, |_| true);
                } else if next.is_some() {
                    stack.push(Open {
                        straight: true,
                        ..here
                    });
                    doubles_open += 1;
                }
            }
            // ‘90s, '11: a year's elided digits, not a quotation
            Role::OpenSingle if next_is_number || elided_digits(text, i) => {}
            // "Rock ‘n’ roll": the elided "and", no quotation; its second
            // mark is skipped too, so it closes no quotation open around it
            Role::OpenSingle | Role::StraightSingle | Role::CloseSingle
                if !glued_left && elided_and(text, i) =>
            {
                skip_to = i + 3;
            }
            // "the ’90s" inside ‘…’: an apostrophe, not the closing mark
            Role::CloseSingle if !glued_left && elided_digits(text, i) => {}
            Role::OpenSingle => stack.push(Open {
                double: false,
                ..here
            }),
            // “…’ : a single closing mark right after a sentence mark, with
            // no single quotation open, is a mistyped end of the double one
            // (an apostrophe follows a letter, never a period)
            Role::CloseSingle
                if stack.last().is_none_or(|o| o.double)
                    && glued_left
                    && matches!(prev_kind, Some(TokenKind::Punct))
                    && matches!(text.token_text(i - 1), "." | "!" | "?" | ",")
                    && !glued_right
                    && innermost_double(&stack).is_some_and(|o| !o.straight) =>
            {
                close_double(&mut stack, &mut out, &mut doubles_open, i, |o| !o.straight);
            }
            Role::CloseSingle => close_single(&mut stack, &mut out, i),
            Role::StraightSingle => {
                let single_on_top = stack.last().is_some_and(|o| !o.double);
                if single_on_top && glued_left {
                    close_single(&mut stack, &mut out, i);
                } else if opener_shape && next_is_word && !elided_digits(text, i) {
                    stack.push(Open {
                        double: false,
                        straight: true,
                        ..here
                    });
                }
            }
        }
    }
    if !stack.is_empty() {
        flush(&mut stack, &mut out, n);
    }
    out.sort_by_key(|q| q.open);
    drop_stray_straight_openers(text, &mut out);
    // Depth from containment among the quotations found (an unclosed
    // apostrophe on the stack must not make later quotations "nested").
    let mut enclosing: Vec<usize> = Vec::new();
    for q in &mut out {
        while enclosing.last().is_some_and(|&e| e <= q.open) {
            enclosing.pop();
        }
        q.depth = enclosing.len() as u32;
        enclosing.push(q.after());
    }
    out
}

/// Longest run of tokens a markup tag may span: a tag holding a long
/// attribute (an embedded post's text) stays well under it.
const MAX_TAG_TOKENS: usize = 400;

/// When a markup tag opens at token `i` (`<` glued to a name, or `</`
/// and a name) and closes with `>` in the same paragraph before any other
/// `<`: one past that `>`. "a < b" or "<3" opens no tag. Each scan stops
/// at the next `<`, so the scans over a body stay linear.
fn markup_tag_end(text: &Text<'_>, i: usize) -> Option<usize> {
    let toks = text.tokens();
    if text.token_text(i) != "<" {
        return None;
    }
    let glued_word = |k: usize| {
        toks.get(k)
            .is_some_and(|t| !t.space_before && t.kind == TokenKind::Word)
    };
    let name = if toks.get(i + 1).is_some_and(|t| !t.space_before) && text.token_text(i + 1) == "/"
    {
        i + 2
    } else {
        i + 1
    };
    if !glued_word(name) {
        return None;
    }
    (name + 1..toks.len().min(i + MAX_TAG_TOKENS))
        .take_while(|&k| text.token_text(k) != "<" && !paragraph_starts_at(text, k))
        .find(|&k| text.token_text(k) == ">")
        .map(|k| k + 1)
}

/// A straight `"` left open to its paragraph's end around a paragraph
/// whose own quotations are curly (`"Roe laughed, “No.” Then …`) is a
/// stray mark: the writer's marks are the curly ones, and the paragraph
/// is narration. Not after a colon, which introduces a block quotation
/// (one that may quote a title in curly marks), nor when it continues
/// such a quotation from the paragraph before.
fn drop_stray_straight_openers(text: &Text<'_>, out: &mut Vec<Quoted>) {
    let mut stray = vec![false; out.len()];
    // end of the last paragraph-long quotation kept: a paragraph reopened
    // right after it continues it
    let mut open_run_end: Option<usize> = None;
    for (i, q) in out.iter().enumerate() {
        if q.close.is_some() || !q.double {
            continue;
        }
        let straight = text.token_text(q.open) == "\"";
        let introduced = q.open > 0 && text.token_text(q.open - 1) == ":";
        let continues = open_run_end == Some(q.open);
        let holds_curly = out[i + 1..]
            .iter()
            .take_while(|r| r.open < q.end)
            .any(|r| r.close.is_some() && r.double && text.token_text(r.open) != "\"");
        if straight && holds_curly && !introduced && !continues {
            stray[i] = true;
        } else {
            open_run_end = Some(q.end);
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !stray[i - 1]
    });
}

fn innermost_double(stack: &[Open]) -> Option<&Open> {
    stack.iter().rev().find(|o| o.double)
}

fn drop_innermost_double(stack: &mut Vec<Open>, doubles_open: &mut usize) {
    while let Some(o) = stack.pop() {
        if o.double {
            *doubles_open = doubles_open.saturating_sub(1);
            break;
        }
    }
}

/// Close the innermost open double quotation at mark `i` (if `ok` accepts
/// it); single marks opened inside it and never closed were apostrophes.
fn close_double(
    stack: &mut Vec<Open>,
    out: &mut Vec<Quoted>,
    doubles_open: &mut usize,
    i: usize,
    ok: impl Fn(&Open) -> bool,
) {
    if *doubles_open == 0 || !innermost_double(stack).is_some_and(ok) {
        return;
    }
    while let Some(o) = stack.pop() {
        if o.double {
            *doubles_open -= 1;
            out.push(o.quoted(Some(i), i, stack.len() as u32));
            return;
        }
    }
}

fn close_single(stack: &mut Vec<Open>, out: &mut Vec<Quoted>, i: usize) {
    if let Some(o) = stack.last().copied() {
        if !o.double {
            stack.pop();
            out.push(o.quoted(Some(i), i, stack.len() as u32));
        }
    }
}

/// Whether the single mark at `i` elides a decade's digits ('90s, ’60s,
/// a word the tokenizer keeps whole): an apostrophe. "'2nd Amendment
/// people'" opens a quotation.
fn elided_digits(text: &Text<'_>, i: usize) -> bool {
    let toks = text.tokens();
    toks.get(i + 1).is_some_and(|n| {
        let w = text.token_text(i + 1).as_bytes();
        !n.space_before
            && w.len() == 3
            && w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b's'
    })
}

/// Whether the single mark at `i` opens the elided "and" of "rock 'n'
/// roll" (`'n'`, `‘n’`): a lone "n" glued between two single marks.
fn elided_and(text: &Text<'_>, i: usize) -> bool {
    let toks = text.tokens();
    let (Some(n), Some(close)) = (toks.get(i + 1), toks.get(i + 2)) else {
        return false;
    };
    !n.space_before
        && !close.space_before
        && text.token_text(i + 1).eq_ignore_ascii_case("n")
        && matches!(text.token_text(i + 2), "'" | "’")
}

/// A paragraph ended before token `end`: open double quotations run to it.
fn flush(stack: &mut Vec<Open>, out: &mut Vec<Quoted>, end: usize) {
    let mut depth = 0u32;
    for o in stack.iter() {
        if o.double {
            if o.tok + 1 < end {
                out.push(o.quoted(None, end, depth));
            }
            depth += 1;
        }
    }
    stack.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(body: &str) -> Vec<(String, u32)> {
        let t = Text::analyze(body);
        pair(&t)
            .iter()
            .map(|q| {
                let s = t.token_span(q.first, q.end).map_or("", |s| s.text);
                (s.to_string(), q.depth)
            })
            .collect()
    }

    /// Asserts the quote contents (and nesting depths) paired in `body`.
    fn assert_contents(body: &str, want: &[(&str, u32)]) {
        let want: Vec<(String, u32)> = want.iter().map(|&(s, d)| (s.to_string(), d)).collect();
        assert_eq!(contents(body), want, "{body}");
    }

    #[test]
    fn curly_and_nested() {
        assert_contents(
            "“They told him ‘no’,” Trump said. Jones’ plan, ‘rock’n’roll’.",
            &[("They told him ‘no’,", 0), ("no", 1), ("rock’n’roll", 0)],
        );
    }

    #[test]
    fn apostrophes_open_no_quotation_inside_an_excerpt() {
        assert_contents(
            "The Ledger wrote: \"Fees don't fall in the '90s style, Rock 'n' roll fans at \
             Jones' bar say, and Pell said, 'We will not raise it,' at noon.\" '3rd Way' won.",
            &[
                (
                    "Fees don't fall in the '90s style, Rock 'n' roll fans at Jones' bar say, \
                     and Pell said, 'We will not raise it,' at noon.",
                    0,
                ),
                ("We will not raise it,", 1),
                ("3rd Way", 0),
            ],
        );
        assert_contents(
            "“Pell said, ‘The ’60s hits and rock ’n’ roll stay on the bill,’ and left.”",
            &[
                (
                    "Pell said, ‘The ’60s hits and rock ’n’ roll stay on the bill,’ and left.",
                    0,
                ),
                ("The ’60s hits and rock ’n’ roll stay on the bill,", 1),
            ],
        );
    }

    #[test]
    fn straight_quotes_and_inches() {
        assert_contents(
            "A 13.3\" screen. He said \"yes,\" and \"no\". It's 'fine', he's sure.",
            &[("yes,", 0), ("no", 0), ("fine", 0)],
        );
    }

    #[test]
    fn mistyped_curly_marks_pair_by_shape() {
        assert_contents(
            "She called it “unfair“ in a post. ”We will win,” he said.",
            &[("unfair", 0), ("We will win,", 0)],
        );
    }

    #[test]
    fn a_double_quotation_closed_by_a_single_mark_ends_there() {
        assert_contents(
            "Roe wrote: “We start today.’ She left. Jones’ car waited.",
            &[("We start today.", 0)],
        );
    }

    #[test]
    fn a_stray_straight_mark_does_not_swallow_its_paragraph() {
        assert_contents(
            "\"Roe laughed it off, “Not me.” Doe pressed on.\n\n“Why?” Roe asked.",
            &[("Not me.", 0), ("Why?", 0)],
        );
        assert_contents(
            "Roe wrote:\n\n\"The “Fair Roads” law is dead.\n\n\"The “Open Port” one too.",
            &[
                ("The “Fair Roads” law is dead.", 0),
                ("Fair Roads", 1),
                ("The “Open Port” one too.", 0),
                ("Open Port", 1),
            ],
        );
    }

    #[test]
    fn multi_paragraph_quote_runs_to_paragraph_end() {
        assert_contents(
            "“One. Two.\n\n“Three,” he said.",
            &[("One. Two.", 0), ("Three,", 0)],
        );
    }

    #[test]
    fn marks_inside_a_markup_tag_are_attribute_values() {
        assert_contents(
            "<post author=\"Jo Poe\" text=\"The ferry is late again.\">Ferry news</post> \
             Poe said \"it is late\" and <a href=”https://example.org/x” target=”_blank”>more</a>.",
            &[("it is late", 0)],
        );
        // a comparison sign opens no tag
        assert_contents(
            "If a < b then \"b wins,\" Poe said. \"Fine,\" he said > twice.",
            &[("b wins,", 0), ("Fine,", 0)],
        );
    }
}
