//! US states as American news abbreviates them: the AP style forms
//! ("Calif.", "N.Y.") and the postal codes ("CA"), and the party tags that
//! carry them after a lawmaker's name ("Jane Roe (D-Calif.)", ", R-Texas,"),
//! with the parties of `crate::enrich::parties`.
//!
//! The tokenizer cuts an abbreviation's dot off as punctuation ("Calif"
//! "."), and the tagger, trained on wire copy without party tags, types
//! "D-Calif" as MISC, "Conn" as a person, "FL" as an organization, or keeps
//! the state without its dot. Here the state is a place, written with its
//! dot, and named by its full name ("Calif." groups with "California").
//!
//! The lists are closed classes of US news style, not names of any article:
//! the fingerprint of the tagger's gazetteers does not cover them, so they
//! change no feature the model was trained with.

use super::gazetteer::Knowledge;
use super::model::Span;
use crate::enrich::parties;
use crate::event::EntityType;
use crate::text::{Text, TokenKind};

/// AP style state abbreviations (without their dot, and the common variants
/// "Tex.", "Kans.", "Wisc.", "Cal."), with the state's name. Alaska, Hawaii,
/// Idaho, Iowa, Maine, Ohio, Texas and Utah are written out in AP style.
const AP: &[(&str, &str)] = &[
    ("Ala", "Alabama"),
    ("Ariz", "Arizona"),
    ("Ark", "Arkansas"),
    ("Cal", "California"),
    ("Calif", "California"),
    ("Colo", "Colorado"),
    ("Conn", "Connecticut"),
    ("Del", "Delaware"),
    ("Fla", "Florida"),
    ("Ga", "Georgia"),
    ("Ill", "Illinois"),
    ("Ind", "Indiana"),
    ("Kan", "Kansas"),
    ("Kans", "Kansas"),
    ("Ky", "Kentucky"),
    ("La", "Louisiana"),
    ("Md", "Maryland"),
    ("Mass", "Massachusetts"),
    ("Mich", "Michigan"),
    ("Minn", "Minnesota"),
    ("Miss", "Mississippi"),
    ("Mo", "Missouri"),
    ("Mont", "Montana"),
    ("Neb", "Nebraska"),
    ("Nev", "Nevada"),
    ("Okla", "Oklahoma"),
    ("Ore", "Oregon"),
    ("Pa", "Pennsylvania"),
    ("Tenn", "Tennessee"),
    ("Tex", "Texas"),
    ("Va", "Virginia"),
    ("Vt", "Vermont"),
    ("Wash", "Washington"),
    ("Wis", "Wisconsin"),
    ("Wisc", "Wisconsin"),
    ("Wyo", "Wyoming"),
];

/// Abbreviations of two-word states, one dotted token each ("N.Y.").
const DOTTED: &[(&str, &str)] = &[
    ("N.H.", "New Hampshire"),
    ("N.J.", "New Jersey"),
    ("N.M.", "New Mexico"),
    ("N.Y.", "New York"),
    ("N.C.", "North Carolina"),
    ("N.D.", "North Dakota"),
    ("R.I.", "Rhode Island"),
    ("S.C.", "South Carolina"),
    ("S.D.", "South Dakota"),
];

/// Postal codes: taken as a state only inside a party tag ("R-TX"), where
/// nothing else stands; alone, "IN", "OR", "ME" are words.
const POSTAL: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
];

fn find(table: &[(&str, &'static str)], w: &str) -> Option<&'static str> {
    table.iter().find(|(a, _)| *a == w).map(|&(_, n)| n)
}

/// The state a written abbreviation names ("Calif." or "Calif", "N.Y."),
/// for grouping it with the state's full name. Postal codes are left out:
/// outside a party tag they are not read as states.
pub(crate) fn state_name(written: &str) -> Option<&'static str> {
    let bare = written.strip_suffix('.').unwrap_or(written);
    find(AP, bare).or_else(|| find(DOTTED, written))
}

/// The state a party tag's code names ("TX" of "R-TX"): a postal code
/// right after a party letter and its hyphen, or what [`state_name`] reads.
pub(crate) fn state_in_tag(text: &Text<'_>, first: usize, end: usize) -> Option<&'static str> {
    let written = text.token_span(first, end)?.text;
    let tagged = first >= 2
        && parties::is_letter(text.token_text(first - 2))
        && matches!(text.token_text(first - 1), "-" | "–");
    state_name(written).or_else(|| tagged.then(|| find(POSTAL, written)).flatten())
}

/// Generational suffixes, which name nobody alone.
const SUFFIXES: &[&str] = &["Jr", "Sr", "Jr.", "Sr."];

/// Whether the dot token at `i` is written right after the word before it
/// and belongs to it: the sentence goes on after it (a comma, a bracket, a
/// dash, a lowercase word: "Dover, Del., and", "Jo Roe Jr. said"). Before
/// a capital, a number or a line break it may be the period as well, and
/// the name is left without it, as wire copy's annotators do.
fn glued_dot(text: &Text<'_>, i: usize) -> bool {
    let toks = text.tokens();
    let goes_on = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.newlines_before == 0
                && match t.kind {
                    TokenKind::Punct | TokenKind::Quote => true,
                    TokenKind::Word => text.token_text(j).starts_with(char::is_lowercase),
                    TokenKind::Number => false,
                }
        })
    };
    text.get_text(i) == Some(".") && !toks[i].space_before && goes_on(i + 1)
}

/// The end of a state written from token `i`: an AP abbreviation with its
/// dot ("Calif" "."; without the dot too, as some papers write it), a
/// dotted one ("N.Y."), a postal code when `postal`, or a state's name
/// ("Texas", "New Hampshire").
fn state_at(kb: &Knowledge, text: &Text<'_>, i: usize, postal: bool) -> Option<usize> {
    let w = text.get_text(i)?;
    if text.tokens()[i].kind != TokenKind::Word {
        return None;
    }
    if find(AP, w).is_some() {
        return Some(if glued_dot(text, i + 1) { i + 2 } else { i + 1 });
    }
    if find(DOTTED, w).is_some() || postal && find(POSTAL, w).is_some() {
        return Some(i + 1);
    }
    (1..=2)
        .rev()
        .map(|k| i + k)
        .filter(|&e| e <= text.tokens().len())
        .find(|&e| {
            text.token_span(i, e)
                .is_some_and(|sp| kb.is_us_state(sp.text))
        })
}

/// Party tags and state abbreviations (see the module documentation):
/// - "(D-Calif.)", ", R-Texas,", "(I-VT)": the state after the party letter
///   is a place, dot included, and nothing else of the tag is a name;
/// - "Dover, Del.", "(Pa.)": an AP abbreviation after a comma or an opening
///   bracket that the tagger found keeps its dot and is a place;
/// - "Jr." alone (", Jr." after a name the tagger ended before the comma)
///   is no name; a name ending in "Jr" keeps the dot written after it.
pub(crate) fn party_tags(kb: &Knowledge, text: &Text<'_>, spans: &mut Vec<Span>) {
    let n = text.tokens().len();
    let mut states: Vec<Span> = Vec::new();
    // where each tag starts: its party letter, or the state in brackets
    let mut starts: Vec<usize> = Vec::new();
    for i in 1..n.saturating_sub(2) {
        let party = parties::is_letter(text.token_text(i))
            && matches!(text.token_text(i - 1), "(" | ",")
            && matches!(text.token_text(i + 1), "-" | "–")
            && !text.tokens()[i + 1].space_before
            && !text.tokens()[i + 2].space_before;
        // "Jo Roe (Ill.)": the state alone in brackets after a lawmaker
        if text.token_text(i - 1) == "(" && text.token_text(i) != "(" {
            let end = state_at(kb, text, i, false).filter(|&e| {
                e > i + 1 || find(AP, text.token_text(i)).is_none() || glued_dot(text, i + 1)
            });
            if let Some(end) = end.filter(|&e| text.get_text(e) == Some(")")) {
                let abbreviated = state_name(text.token_span(i, end).map_or("", |sp| sp.text));
                if abbreviated.is_some() {
                    starts.push(i);
                    states.push(Span {
                        first: i,
                        end,
                        kind: EntityType::Location,
                    });
                }
            }
        }
        if !party {
            continue;
        }
        if let Some(end) = state_at(kb, text, i + 2, true) {
            starts.push(i);
            states.push(Span {
                first: i + 2,
                end,
                kind: EntityType::Location,
            });
        }
    }
    let after_comma_or_bracket =
        |i: usize| i > 0 && matches!(text.token_text(i - 1), "," | "(" | "-");
    for s in spans.iter_mut() {
        // "Pa" "." all in the span: the word is the abbreviation
        if s.end - s.first == 2 && text.token_text(s.first + 1) == "." {
            let w = text.token_text(s.first);
            if find(AP, w).is_some() && after_comma_or_bracket(s.first) {
                s.kind = EntityType::Location;
            }
            continue;
        }
        let w = text.token_text(s.end - 1);
        // "Lewisburg, Pa.", "(Pa.)": a one-word abbreviation the tagger found
        if s.end - s.first == 1 && find(AP, w).is_some() && after_comma_or_bracket(s.first) {
            if glued_dot(text, s.end) {
                s.end += 1;
            }
            s.kind = EntityType::Location;
        }
        // "Tom Roe Jr" "." : the suffix's dot
        if s.end - s.first >= 2 && matches!(w, "Jr" | "Sr") && glued_dot(text, s.end) {
            s.end += 1;
        }
    }
    spans.retain(|s| {
        let alone = s.end - s.first <= 2
            && SUFFIXES.contains(&text.token_text(s.first))
            && (s.first + 1..s.end).all(|i| text.token_text(i) == ".");
        !alone
    });
    if states.is_empty() {
        return;
    }
    // The tag's tokens, from the party letter (or the state in brackets)
    // to the state's end: a span inside them gives way to the state, one
    // running into them ends before the bracket or comma that opens them.
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + states.len());
    for s in spans.drain(..) {
        let tag = starts
            .iter()
            .zip(&states)
            .find(|(&a, t)| s.first < t.end && a < s.end);
        match tag {
            None => out.push(s),
            Some((&a, _)) if s.first < a => {
                let mut s = s;
                s.end = a - 1;
                if s.first < s.end {
                    out.push(s);
                }
            }
            Some(_) => {}
        }
    }
    out.extend(states);
    out.sort_by_key(|s| s.first);
    *spans = out;
}

/// The party tag written out, as some papers set it after a lawmaker's
/// name: "Jane Roe, Democrat of Vermont,", "Republican of Ohio". The
/// tagger takes the phrase for one organization; the party word is MISC,
/// as it is alone, and the state (or country) after "of" a place.
pub(crate) fn spelled_party_tags(kb: &Knowledge, text: &Text<'_>, spans: &mut Vec<Span>) {
    let mut places = Vec::new();
    for s in spans.iter_mut() {
        if s.end - s.first < 3 || text.token_text(s.first + 1) != "of" {
            continue;
        }
        let party = parties::is_capitalized_member(text.token_text(s.first));
        let place = text
            .token_span(s.first + 2, s.end)
            .is_some_and(|sp| kb.is_us_state(sp.text) || kb.is_country(sp.text));
        if party && place {
            places.push(Span {
                first: s.first + 2,
                end: s.end,
                kind: EntityType::Location,
            });
            s.end = s.first + 1;
            s.kind = EntityType::Misc;
        }
    }
    if !places.is_empty() {
        spans.extend(places);
        spans.sort_by_key(|s| s.first);
    }
}
