//! Pre-noun modifiers: an organization name that only modifies a common
//! noun is not a mention of its own.
//!
//! News writes "Apple engineers", "the Apple logo", "Intel processors",
//! "Apple CEO Steve Jobs": the phrase is about the engineers, the logo, the
//! processors or the person, and the company name is a classifier inside it.
//! Mention-level annotation of whole noun phrases (MEANTIME, ACE-style
//! extents) does not mark such names, so they are hidden (kept only to name
//! their entity: "Apple Inc." in "an Apple Inc. executive"), by three rules:
//! - an organization before a noun of `modifier_nouns.txt` (staff, products,
//!   brand and corporate things);
//! - an organization in a compound adjective ("Intel-based", "Google-owned");
//! - an organization before a corporate role ("Apple CEO", "Apple Inc.
//!   co-founder"): government offices are not corporate roles, so "US
//!   Treasury Secretary" keeps "US Treasury".
//!
//! Places stay: annotators mark "US" in "US officials" and, about as often as
//! not, in "US stocks"; so does a name in a hyphenated pair ("the Ukraine-US
//! agreement"). And an unknown name before a phrase ending in a company noun
//! ("the Old Mutual insurance company") is that company: typed an
//! organization.

use super::gazetteer::Knowledge;
use super::lower::lower;
use super::typing::Raw;
use crate::event::EntityType;
use crate::text::{Text, TokenKind};

/// Corporate roles after an organization ("Apple CEO"), lowercase. Roles
/// that government bodies have too ("Fed Chairman", "Pentagon spokesman")
/// are left out: there annotators mark the body.
const CORPORATE_ROLES: &[&str] = &[
    "ceo",
    "cfo",
    "coo",
    "cto",
    "co-founder",
    "cofounder",
    "founder",
    "executive",
    "executives",
    "boss",
];

/// Words after "chief" that make a corporate officer ("Chief Executive").
const CHIEF_OF: &[&str] = &[
    "executive",
    "operating",
    "financial",
    "technology",
    "marketing",
];

/// Lowercase nouns that end a phrase naming the organization itself ("the
/// Old Mutual insurance company").
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "bank",
    "insurer",
    "retailer",
    "manufacturer",
    "maker",
    "carrier",
    "airline",
    "corporation",
    "conglomerate",
    "giant",
    "chain",
    "agency",
];

/// The lowercase form of word token `i` joined with glued hyphen parts
/// ("co-founder"), and one past its last token.
fn hyphen_word(text: &Text<'_>, i: usize) -> Option<(String, usize)> {
    let toks = text.tokens();
    if toks.get(i)?.kind != TokenKind::Word {
        return None;
    }
    let mut w = text.token_text(i).to_lowercase();
    let mut e = i + 1;
    while e + 1 < toks.len()
        && text.token_text(e) == "-"
        && !toks[e].space_before
        && !toks[e + 1].space_before
        && toks[e + 1].kind == TokenKind::Word
    {
        w.push('-');
        w.push_str(&text.token_text(e + 1).to_lowercase());
        e += 2;
    }
    Some((w, e))
}

fn is_lower_word(text: &Text<'_>, i: usize) -> bool {
    text.tokens()
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && text.token_text(i).starts_with(char::is_lowercase)
}

/// What the words after a name make of it.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// A mention: nothing to change.
    Keep,
    /// A modifier inside a larger phrase: not a mention.
    Modifier,
    /// The phrase names the organization itself ("the X insurance company").
    Organization,
}

/// What the words after organization-like name `r` make of it.
fn verdict(kb: &Knowledge, text: &Text<'_>, r: &Raw) -> Verdict {
    let toks = text.tokens();
    let (first, mut next) = (r.first, r.end);
    let Some(last) = toks.get(next.wrapping_sub(1)) else {
        return Verdict::Keep;
    };
    // A name in quotes: "the "Apple" brand".
    let prev = first.checked_sub(1);
    if prev.is_some_and(|p| toks[p].kind == TokenKind::Quote)
        && toks.get(next).is_some_and(|t| t.kind == TokenKind::Quote)
    {
        next += 1;
    }
    let Some(nt) = toks.get(next) else {
        return Verdict::Keep;
    };
    if nt.sentence != last.sentence {
        return Verdict::Keep;
    }
    // "Intel-based", "Google-owned": a compound adjective built on the name.
    if text.token_text(next) == "-"
        && !nt.space_before
        && toks.get(next + 1).is_some_and(|t| !t.space_before)
        && is_lower_word(text, next + 1)
    {
        return Verdict::Modifier;
    }
    if !nt.space_before {
        return Verdict::Keep;
    }
    // "the Ukraine-US natural resources agreement": a pair, not a modifier.
    if first > 0 && text.token_text(first - 1) == "-" && !toks[first].space_before {
        return Verdict::Keep;
    }
    let Some((w, _)) = hyphen_word(text, next) else {
        return Verdict::Keep;
    };
    let chief_officer = w == "chief"
        && text
            .get_text(next + 1)
            .is_some_and(|x| CHIEF_OF.contains(&&*lower(x)));
    if CORPORATE_ROLES.contains(&w.as_str()) || chief_officer {
        return Verdict::Modifier;
    }
    if !is_lower_word(text, next) {
        return Verdict::Keep;
    }
    // The lowercase words of the phrase: "the Old Mutual insurance company".
    let mut k = next;
    while k < next + 4 && is_lower_word(text, k) && !kb.is_non_name(&text.lower(k)) {
        k += 1;
    }
    let phrase_end = k;
    if phrase_end > next && ORG_NOUNS.contains(&text.lower(phrase_end - 1).as_ref()) {
        return Verdict::Organization;
    }
    if kb.is_modifier_noun(&w) {
        return Verdict::Modifier;
    }
    Verdict::Keep
}

/// Hide organization names that only modify a following noun (they still
/// name their entity); type as organizations the weakly typed names a
/// company noun follows.
pub fn hide_modifiers(kb: &Knowledge, text: &Text<'_>, raws: &mut [Raw]) {
    for r in raws.iter_mut() {
        let verdict = match r.kind {
            Some(EntityType::Organization) => verdict(kb, text, r),
            // "the Old Mutual insurance company": an unknown name a company
            // noun follows is that company.
            Some(EntityType::Misc) if !r.strong => match verdict(kb, text, r) {
                Verdict::Organization => Verdict::Organization,
                _ => Verdict::Keep,
            },
            _ => Verdict::Keep,
        };
        match verdict {
            Verdict::Keep => {}
            Verdict::Modifier => {
                r.hidden = true;
                r.modifier = true;
            }
            Verdict::Organization => {
                r.kind = Some(EntityType::Organization);
                r.strong = true;
            }
        }
    }
}
