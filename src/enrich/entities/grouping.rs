//! Grouping: mentions of one real-world entity under one canonical name.
//!
//! Organizations, places and other names: longer names are placed first, so
//! that a short form finds the full one wherever it appears. An
//! organization's short form joins the name it begins ("Apple" -> "Apple
//! Computer"), an acronym joins the name whose initials it spells ("SEC" ->
//! "Securities and Exchange Commission") or the name it follows in
//! parentheses ("Army of the Free Coast (AFK)"); places and other names join
//! on equal text or equal gazetteer canonical ("U.S." ~ "United States").
//!
//! Persons ([`group_persons`]): different people share surnames ("Jane
//! Roe", "Tom Roe"), so a short form joins the nearest full name that can
//! be the same person (same surname, no contrary first name, suffix or
//! gender), not any name that contains it.
//!
//! The canonical name is the longest mention (for a person, the fullest
//! name). Role phrases ("the US President") become references of the one
//! person who carries that role, when exactly one does.

use super::gazetteer::Knowledge;
use super::typing::{key, Raw, RolePhrase};
use crate::event::{Entity, EntityType, Mention};
use crate::text::{CharSpan, Text};

/// An entity under construction.
struct Group<'a> {
    /// Its type.
    kind: EntityType,
    /// Words of its fullest name, for containment tests.
    words: Vec<&'a str>,
    /// For each of `words`, whether a hyphen or slash glues it to the next
    /// ([`glued`]); empty for persons.
    glued: Vec<bool>,
    /// Gazetteer canonical name, when one mention had it.
    canonical: Option<String>,
    /// Other forms that joined through a canonical name ("SDK" for
    /// "Software Development Kit (SDK)"): later mentions of them join too.
    aliases: Vec<Vec<&'a str>>,
    /// Indices into the raw mentions.
    members: Vec<usize>,
    /// Role strings, in order found.
    roles: Vec<String>,
    /// Reference spans (code points).
    references: Vec<Mention>,
    /// A fuller name the article implies but never writes: "Omar Haddad"
    /// of "Omar and Leila Haddad".
    implied: Option<String>,
}

/// The tokens of `r` that are words of its name: a leading "The" is part
/// of the mention, not of the name to match, and punctuation is no word.
fn word_tokens<'t>(text: &'t Text<'_>, r: &Raw) -> impl Iterator<Item = usize> + 't {
    let first = if r.end - r.first > 1 && text.token_text(r.first) == "The" {
        r.first + 1
    } else {
        r.first
    };
    (first..r.end).filter(move |&i| text.token_text(i).chars().any(char::is_alphanumeric))
}

fn words<'a>(text: &Text<'a>, r: &Raw) -> Vec<&'a str> {
    word_tokens(text, r).map(|i| text.token_text(i)).collect()
}

/// For each of [`words`], whether a hyphen or slash written without spaces
/// joins it to the next word of the name ("Israeli-Palestinian",
/// "Reuters/Ipsos"): a name that ends there is only the compound's first
/// part, a modifier or another name ("Israeli" is no short form of
/// "Israeli-Palestinian", nor "Democratic" of "Democratic-leaning").
fn glued(text: &Text<'_>, r: &Raw) -> Vec<bool> {
    let toks = text.tokens();
    word_tokens(text, r)
        .map(|i| {
            i + 2 < r.end
                && matches!(text.token_text(i + 1), "-" | "–" | "/")
                && !toks[i + 1].space_before
                && !toks[i + 2].space_before
        })
        .collect()
}

/// Words after a short form that still name the same body ("Treasury" ->
/// "Treasury Department").
const SAME_BODY: &[&str] = &["Department", "International", "Channel"];

/// Last words of a body's parts that take the body's name first: its
/// committees and caucuses, its party groups ("House Democrats", "Senate
/// Ethics Committee"), and an outlet's shows and editions ("Acme News
/// Tonight", "Acme News Daily"). A short form joins none of them: "the
/// House" is the chamber, not its Democrats, and "Acme News" the outlet,
/// not its morning show.
const PART_HEADS: &[&str] = &[
    "Committee",
    "Committees",
    "Subcommittee",
    "Subcommittees",
    "Caucus",
    "Caucuses",
    "Democrats",
    "Republicans",
    "GOP",
    "Daily",
    "Tonight",
    "Live",
    "Weekly",
];

/// Whether the name `ws` may join the longer name of `g` that it begins.
/// Not when it ends inside a compound ([`glued`]). A one-word other name
/// is mostly an adjective of nationality, faith or party ("Turkish",
/// "Democratic"): it begins names of other things ("Turkish Americans",
/// "Democratic National Convention"), not a fuller form of itself. A listed
/// organization ("Senate", "Google") is a whole name already: the longer
/// one is a part or a product of it ("Senate Democrats", "Google Plus"),
/// unless the rest is a legal form or a word like "Department".
fn prefix_joins(g: &Group<'_>, ws: &[&str], listed: bool) -> bool {
    let rest = g.words.get(ws.len()..).unwrap_or_default();
    if rest.is_empty() {
        return true;
    }
    if ws.len().checked_sub(1).and_then(|k| g.glued.get(k)) == Some(&true) {
        return false;
    }
    if g.kind == EntityType::Organization && rest.last().is_some_and(|w| PART_HEADS.contains(w)) {
        return false;
    }
    match g.kind {
        EntityType::Misc => ws.len() > 1,
        EntityType::Organization if listed => rest
            .iter()
            .all(|w| LEGAL_FORMS.contains(w) || SAME_BODY.contains(w)),
        _ => true,
    }
}

fn contains_run(hay: &[&str], needle: &[&str]) -> bool {
    !needle.is_empty()
        && needle.len() <= hay.len()
        && hay.windows(needle.len()).any(|w| w == needle)
}

/// Whether acronym `acr` starts with the (case-folded) initial of the first
/// word of `ws` that an acronym spells (function words skipped).
fn same_initial(acr: &str, ws: &[&str]) -> bool {
    let first = ws
        .iter()
        .find(|w| !matches!(**w, "of" | "and" | "the" | "for" | "&" | "de"))
        .and_then(|w| w.chars().next());
    match (acr.chars().next(), first) {
        (Some(a), Some(f)) => a.to_lowercase().eq(f.to_lowercase()),
        _ => false,
    }
}

fn initials(ws: &[&str]) -> String {
    ws.iter()
        .filter(|w| !matches!(**w, "of" | "and" | "the" | "for" | "&" | "de"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Whether the all-capitals word `acr` abbreviates the name `ws`: its
/// letters are the initials of the name's words ("SEC"), or, for longer
/// acronyms, each word gives its initial and maybe further letters of itself
/// in order ("WWDC" for "Worldwide Developers Conference", "NASDAQ").
pub fn is_acronym_of(acr: &str, ws: &[&str]) -> bool {
    if !same_initial(acr, ws) {
        return false;
    }
    let letters: Vec<char> = acr.chars().flat_map(char::to_lowercase).collect();
    if letters.len() < 2
        || letters.len() > 10
        || !acr.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        || ws.len() < 2
    {
        return false;
    }
    let words: Vec<Vec<char>> = ws
        .iter()
        .filter(|w| !matches!(**w, "of" | "and" | "the" | "for" | "&" | "de"))
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    if words.len() < 2 || letters.len() < words.len() {
        return false;
    }
    loose(&letters, &words)
}

/// Letters `a` spelled by `words`: each word gives its initial, then any
/// further letters of itself in order.
fn loose(a: &[char], words: &[Vec<char>]) -> bool {
    let Some((w, rest)) = words.split_first() else {
        return a.is_empty();
    };
    let Some((&c, after)) = a.split_first() else {
        return false;
    };
    if w.first() != Some(&c) {
        return false;
    }
    // Take k more letters of `w` (in order), for k = 0.. while possible.
    let mut taken = 0;
    let mut pos = 1;
    loop {
        if loose(&after[taken..], rest) {
            return true;
        }
        let Some(&next) = after.get(taken) else {
            return false;
        };
        let Some(off) = w.get(pos..).and_then(|t| t.iter().position(|&x| x == next)) else {
            return false;
        };
        pos += off + 1;
        taken += 1;
    }
}

/// Whether `words` joined by single spaces equal `s` (without building it).
fn joined_eq(words: &[&str], s: &str) -> bool {
    let mut rest = s;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            match rest.strip_prefix(' ') {
                Some(r) => rest = r,
                None => return false,
            }
        }
        match rest.strip_prefix(*w) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty() && !words.is_empty()
}

fn matches(
    g: &Group<'_>,
    kind: EntityType,
    ws: &[&str],
    canonical: Option<&str>,
    listed: bool,
) -> bool {
    if g.kind != kind {
        return false;
    }
    if canonical.is_some() && canonical == g.canonical.as_deref() {
        return true;
    }
    if canonical.is_some_and(|c| joined_eq(&g.words, c)) {
        return true;
    }
    if g.canonical.as_deref().is_some_and(|c| joined_eq(ws, c)) {
        return true;
    }
    if g.aliases.iter().any(|a| a == ws) {
        return true;
    }
    match kind {
        EntityType::Person => contains_run(&g.words, ws),
        EntityType::Organization | EntityType::Misc => {
            (g.words.starts_with(ws) && prefix_joins(g, ws, listed))
                || (ws.len() == 1
                    && ws[0].chars().count() >= 2
                    && ws[0].chars().all(|c| c.is_uppercase())
                    && g.words.len() >= 2
                    // Both ways spell the first word's initial first: a
                    // cheap test before building either.
                    && same_initial(ws[0], &g.words)
                    && (initials(&g.words) == ws[0] || is_acronym_of(ws[0], &g.words)))
        }
        EntityType::Location => caps_eq(&g.words, ws),
    }
}

/// Whether a word is set in capitals ("DENVER"), as datelines and
/// headlines write names.
fn is_caps_word(w: &str) -> bool {
    w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase())
}

/// The same name, a word in capitals matching its ordinary spelling
/// ("DENVER" ~ "Denver"; "US" still differs from "Us").
fn caps_eq(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x == y
                || (is_caps_word(x) != is_caps_word(y) && x.chars().count() > 3 && same_word(x, y))
        })
}

/// Legal-form words: a short name joins the full name that adds only these
/// ("Apple" -> "Apple Inc.", not "Apple Stores").
const LEGAL_FORMS: &[&str] = &[
    "Inc",
    "Incorporated",
    "Corp",
    "Corporation",
    "Co",
    "Company",
    "Ltd",
    "Limited",
    "LLC",
    "PLC",
    "Plc",
    "plc",
    "AG",
    "SA",
    "NV",
    "Group",
    "Holdings",
];

/// Whether `w` (any case) is one of the [`LEGAL_FORMS`]: the novelty
/// speaker key skips them ("Acme Inc." and "Acme" share `acme`).
pub(crate) fn is_legal_form(w: &str) -> bool {
    LEGAL_FORMS.iter().any(|f| f.eq_ignore_ascii_case(w))
}

/// Whether `w` (any case, with or without its dot) is a generational
/// suffix ([`is_suffix`]), for the novelty speaker key.
pub(crate) fn is_generational_suffix(w: &str) -> bool {
    let mut title: String = w.chars().take(1).flat_map(char::to_uppercase).collect();
    title.extend(w.chars().skip(1));
    is_suffix(w) || is_suffix(&w.to_uppercase()) || is_suffix(&title)
}

/// The group a mention joins: the first match, but among several an
/// organization's short form prefers the full name that only adds a legal
/// form ("Apple Inc." over "Apple Stores").
fn best_group(
    groups: &[Group<'_>],
    kind: EntityType,
    ws: &[&str],
    canonical: Option<&str>,
    listed: bool,
) -> Option<usize> {
    let mut hits = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| matches(g, kind, ws, canonical, listed))
        .map(|(i, _)| i);
    let first = hits.next()?;
    if kind != EntityType::Organization {
        return Some(first);
    }
    let legal = |gi: usize| {
        groups.get(gi).is_some_and(|g| {
            g.words.len() > ws.len()
                && g.words.starts_with(ws)
                && g.words
                    .get(ws.len()..)
                    .is_some_and(|rest| rest.iter().all(|w| LEGAL_FORMS.contains(w)))
        })
    };
    if legal(first) {
        return Some(first);
    }
    Some(hits.find(|&gi| legal(gi)).unwrap_or(first))
}

/// The one organization whose full name `ws` ends, for a short form the
/// article writes with "the" or in two words or more ("the Times" for "the
/// Harbor Daily Times", "Immigration Services" for "Citizenship and
/// Immigration Services"): papers and agencies are cut down to their last
/// words after the first mention. Not a name the lists know as a whole
/// ("Senate", "Democrats"), nor the part of a compound ("Times" of
/// "Harbor Sun-Times"), nor the last word of a body named after its seat
/// ("the House" is no "White House"); and only when one name ends so.
/// A longer name with words the tagger ran into it (an owner's possessive,
/// "Roe's Acme Works"; a number opening the sentence, "One Acme Works"; a
/// common word capitalized only because it opens every sentence the name
/// is in, "Secret Acme Works files leaked" beside "secret Acme Works files"
/// elsewhere) is no fuller form of the name.
fn suffix_group(
    text: &Text<'_>,
    raws: &[Raw],
    groups: &[Group<'_>],
    ws: &[&str],
    definite: bool,
    listed: bool,
) -> Option<usize> {
    if listed || !(definite || ws.len() >= 2) {
        return None;
    }
    // the article writes `w` in lowercase right before `next`, the name's
    // next word ("secret Acme Works", never "new York Times")
    let lowercase_before = |w: &str, next: &str| {
        let low = crate::text::lowercase(w);
        low != w
            && (1..text.tokens().len())
                .any(|i| text.token_text(i - 1) == low && text.token_text(i) == next)
    };
    let opener_run_in = |g: &Group<'_>| match g.words.as_slice() {
        [w, next, ..] => {
            g.members.iter().all(|&m| {
                raws.get(m).is_some_and(|r| {
                    text.is_sentence_start(r.first) && text.token_text(r.first) == *w
                })
            }) && lowercase_before(w, next)
        }
        _ => false,
    };
    let mut hits = groups.iter().enumerate().filter(|(_, g)| {
        let Some(cut) = g.words.len().checked_sub(ws.len()).filter(|&c| c > 0) else {
            return false;
        };
        let run_in = |w: &&str| {
            w.ends_with("'s")
                || w.ends_with("’s")
                || crate::enrich::dates::lexicon::number_word(&crate::text::lowercase(w)).is_some()
        };
        g.kind == EntityType::Organization
            && g.words.ends_with(ws)
            && g.glued.get(cut - 1) != Some(&true)
            && !g.words.last().is_some_and(|w| super::SEATS.contains(w))
            && !g.words.iter().take(cut).any(run_in)
            && !opener_run_in(g)
    });
    let (gi, _) = hits.next()?;
    hits.next().is_none().then_some(gi)
}

/// An all-capitals acronym in parentheses right after a name ("the Army of
/// the Free Coast (AFK)"), or after a comma and "or" ("the Free Coast
/// Army, or AFK, said"): the writer's own alias for the name, whether or
/// not its letters spell it (a name in another language, a former name).
/// Returns the name's index. A place before it ("PARIS (AFP)") is a
/// dateline, not a definition: the two must have one type, unless the
/// letters spell the name. After "or" the name must have two words or more
/// and the acronym must be no name the lists know by itself: "Westland, or
/// NATO" offers two things.
fn parenthesized_alias(kb: &Knowledge, text: &Text<'_>, raws: &[Raw], i: usize) -> Option<usize> {
    let r = raws.get(i)?;
    let acr = text.token_text(r.first);
    let letters = acr.chars().filter(|c| c.is_alphabetic()).count();
    let shaped = r.end == r.first + 1
        && (2..=10).contains(&acr.chars().count())
        && letters >= 2
        && acr.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    if !shaped || r.first < 2 {
        return None;
    }
    let before = |k: usize| r.first.checked_sub(k).and_then(|p| text.get_text(p));
    let parenthesized = before(1) == Some("(") && text.get_text(r.end) == Some(")");
    // ", or AFK," / ", or AFK." / ", or AFK)": the acronym closes the aside
    let or_aside = before(1) == Some("or")
        && before(2) == Some(",")
        && text
            .get_text(r.end)
            .is_none_or(|w| matches!(w, "," | "." | ";" | ")"));
    let gap = if parenthesized {
        1
    } else if or_aside {
        2
    } else {
        return None;
    };
    let j = raws.iter().position(|n| n.end + gap == r.first)?;
    let name = raws.get(j)?;
    // A person's parenthesis holds a party or a state ("Jane Roe (D)").
    if name.kind == Some(EntityType::Person) || r.kind == Some(EntityType::Person) {
        return None;
    }
    let ws = words(text, name);
    let spelled = (0..ws.len().saturating_sub(1)).any(|k| is_acronym_of(acr, &ws[k..]));
    if or_aside && !spelled && (ws.len() < 2 || kb.lookup(acr).is_some()) {
        return None;
    }
    (name.kind == r.kind || spelled).then_some(j)
}

/// Group organizations, places and other names (persons are grouped by
/// [`group_persons`]): longest names first, so that a short form finds the
/// full one wherever it appears.
fn group_names<'a>(
    kb: &Knowledge,
    text: &Text<'a>,
    raws: &[Raw],
    all_words: &[Vec<&'a str>],
    groups: &mut Vec<Group<'a>>,
    group_of: &mut [usize],
) {
    let mut order: Vec<usize> = (0..raws.len())
        .filter(|&i| !matches!(raws[i].kind, None | Some(EntityType::Person)))
        .collect();
    // Longest names first; among equals, body order.
    order.sort_by_key(|&i| (std::cmp::Reverse(all_words[i].len()), raws[i].first));
    // Acronyms the article defines in parentheses, with the name they follow.
    let defined: Vec<(usize, usize)> = (0..raws.len())
        .filter_map(|i| parenthesized_alias(kb, text, raws, i).map(|j| (i, j)))
        .collect();
    for &i in &order {
        let r = &raws[i];
        let Some(kind) = r.kind else { continue };
        let ws = all_words[i].clone();
        if ws.is_empty() {
            continue;
        }
        // The acronym itself, or a later (or earlier) use of it, joins the
        // name it was defined for.
        let defined_for = defined
            .iter()
            .find(|&&(a, _)| all_words[a] == ws)
            .map(|&(_, j)| group_of[j])
            .filter(|&gi| gi != usize::MAX);
        // a name the lists know as a whole ("Senate"), or by a canonical form
        let listed = r.canonical.is_some() || kb.lookup(&ws.join(" ")).is_some();
        // written "the Times" ("The" opening the mention, or "the" before it)
        let definite = text.token_text(r.first) == "The"
            || r.first
                .checked_sub(1)
                .is_some_and(|p| text.token_text(p).eq_ignore_ascii_case("the"));
        let found = defined_for
            .or_else(|| best_group(groups, kind, &ws, r.canonical.as_deref(), listed))
            .or_else(|| {
                (kind == EntityType::Organization)
                    .then(|| suffix_group(text, raws, groups, &ws, definite, listed))
                    .flatten()
            });
        let gi = match found {
            Some(gi) => gi,
            None => {
                groups.push(Group {
                    kind,
                    words: ws.clone(),
                    glued: glued(text, r),
                    canonical: r.canonical.clone(),
                    aliases: Vec::new(),
                    members: Vec::new(),
                    roles: Vec::new(),
                    references: Vec::new(),
                    implied: None,
                });
                groups.len() - 1
            }
        };
        // A name first seen in capitals (a dateline) takes its ordinary
        // spelling when the article writes it.
        if groups[gi].words.iter().all(|w| is_caps_word(w))
            && !ws.iter().all(|w| is_caps_word(w))
            && caps_eq(&groups[gi].words, &ws)
        {
            groups[gi].words = ws.clone();
            groups[gi].glued = glued(text, r);
        }
        let alias = r.canonical.is_some() || defined_for.is_some();
        if alias && groups[gi].words != ws && !groups[gi].aliases.contains(&ws) {
            groups[gi].aliases.push(ws);
        }
        groups[gi].members.push(i);
        if groups[gi].canonical.is_none() {
            groups[gi].canonical = r.canonical.clone();
        }
        group_of[i] = gi;
    }
}

/// Build the entities from typed mentions (sorted by position).
pub fn group(
    kb: &Knowledge,
    text: &Text<'_>,
    raws: &[Raw],
    role_phrases: &[RolePhrase],
) -> Vec<Entity> {
    let all_words: Vec<Vec<&str>> = raws.iter().map(|r| words(text, r)).collect();
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of = vec![usize::MAX; raws.len()];
    group_names(kb, text, raws, &all_words, &mut groups, &mut group_of);
    group_persons(kb, text, raws, &all_words, &mut groups, &mut group_of);
    for g in &mut groups {
        g.members.sort_by_key(|&i| raws[i].first);
        for &i in &g.members {
            if let Some((a, b)) = raws[i].role {
                let role = key(text, a, b).into_owned();
                if !role.is_empty() && !g.roles.contains(&role) {
                    g.roles.push(role);
                }
            }
        }
    }
    attach_references(text, raws, &group_of, &mut groups, role_phrases);
    // Hidden names ("Apple Inc." in "an Apple Inc. executive") name their
    // entity but are no mentions: an entity with only those is none.
    groups.retain(|g| g.members.iter().any(|&i| !raws[i].hidden));
    let first_shown = |g: &Group| {
        g.members
            .iter()
            .filter(|&&i| !raws[i].hidden)
            .map(|&i| raws[i].first)
            .next()
            .unwrap_or(usize::MAX)
    };
    groups.sort_by_key(first_shown);
    groups
        .into_iter()
        .enumerate()
        .map(|(n, g)| {
            let forms: Vec<(bool, CharSpan<'_>)> = g
                .members
                .iter()
                .filter_map(|&i| {
                    Some((raws[i].hidden, text.token_span(raws[i].first, raws[i].end)?))
                })
                .collect();
            // A person is named by its fullest name, not a title with a
            // surname the tagger kept together ("Mr. Roe" < "Tom Roe").
            let weight: Vec<usize> = g
                .members
                .iter()
                .filter(|&&i| text.token_span(raws[i].first, raws[i].end).is_some())
                .map(|&i| match g.kind {
                    EntityType::Person => untitled_len(kb, &all_words[i]),
                    _ => 0,
                })
                .collect();
            // The fullest form, without a leading article the name does not
            // always carry ("The SEC" -> "SEC", but "The Telegraph" stays).
            let always_the = forms.iter().all(|(_, s)| s.text.starts_with("The "));
            let implied = g
                .implied
                .as_deref()
                .map(|t| (t.split_whitespace().count(), t));
            let name = forms
                .iter()
                .zip(&weight)
                .map(|((_, s), &w)| {
                    if always_the {
                        (w, s.text)
                    } else {
                        (w, s.text.strip_prefix("The ").unwrap_or(s.text))
                    }
                })
                .chain(implied)
                .max_by_key(|&(w, t)| (w, t.chars().count()))
                .map(|(_, t)| t)
                .unwrap_or_default()
                // one space between words: web copy's no-break spaces and
                // doubled spaces are layout, not part of the name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let mentions: Vec<Mention> = forms
                .into_iter()
                .filter(|(hidden, _)| !hidden)
                .map(|(_, s)| Mention {
                    text: s.text.to_string(),
                    start: s.start,
                    end: s.end,
                })
                .collect();
            let mut references = g.references;
            references.sort_by_key(|m| m.start);
            Entity {
                id: format!("e{}", n + 1),
                name,
                kind: g.kind,
                roles: g.roles,
                mentions,
                references,
            }
        })
        .collect()
}

/// Words of a role phrase, lowercased, without the article.
fn role_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| w != "the")
        .collect()
}

fn attach_references(
    text: &Text<'_>,
    raws: &[Raw],
    group_of: &[usize],
    groups: &mut [Group],
    role_phrases: &[RolePhrase],
) {
    for p in role_phrases {
        let Some(span) = text.token_span(p.first, p.end) else {
            continue;
        };
        let mention = Mention {
            text: span.text.to_string(),
            start: span.start,
            end: span.end,
        };
        // Apposition: "The US President, Donald Trump," / "Donald Trump, the US President".
        let after = raws.iter().position(|r| {
            r.first == p.end + 1
                && text.get_text(p.end) == Some(",")
                && r.kind == Some(EntityType::Person)
        });
        let before = raws.iter().position(|r| {
            r.end + 1 == p.first
                && text.get_text(r.end) == Some(",")
                && r.kind == Some(EntityType::Person)
        });
        if let Some(ri) = after.or(before) {
            let gi = group_of[ri];
            if let Some(g) = groups.get_mut(gi) {
                let start = if text.token_text(p.first).eq_ignore_ascii_case("the") {
                    p.first + 1
                } else {
                    p.first
                };
                let role = key(text, start, p.end).into_owned();
                if !g.roles.contains(&role) {
                    g.roles.push(role);
                }
                g.references.push(mention);
            }
            continue;
        }
        let pw = role_words(span.text);
        let Some(head) = pw.last() else { continue };
        let holders: Vec<usize> = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.kind == EntityType::Person)
            .filter(|(_, g)| {
                g.roles.iter().any(|r| {
                    let rw = role_words(r);
                    rw.last() == Some(head) && pw.iter().all(|w| rw.contains(w))
                })
            })
            .map(|(i, _)| i)
            .collect();
        if let [gi] = holders[..] {
            groups[gi].references.push(mention);
        }
    }
}

/// Name words of a person mention without the titles it starts with.
fn untitled_len(kb: &Knowledge, ws: &[&str]) -> usize {
    let titles = ws
        .iter()
        .take(ws.len().saturating_sub(1))
        .take_while(|w| {
            let lw = super::lower::lower(w);
            kb.title(&lw).is_some() || gender_word(&lw).is_some()
        })
        .count();
    ws.len() - titles
}

/// The gender a title or pronoun gives a person.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Titles and role words that say a person's gender (lowercase, no dot).
pub(crate) fn gender_word(lw: &str) -> Option<Gender> {
    match lw.trim_end_matches('.') {
        "mr" | "messrs" | "sir" | "lord" | "king" | "prince" | "duke" | "baron" | "congressman"
        | "councilman" | "assemblyman" | "businessman" | "monsieur" | "herr" | "senor"
        | "señor" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "madame" | "mme" | "mlle" | "dame" | "lady" | "queen"
        | "princess" | "duchess" | "baroness" | "congresswoman" | "councilwoman"
        | "assemblywoman" | "businesswoman" | "chairwoman" | "spokeswoman" | "actress"
        | "senora" | "señora" | "frau" => Some(Gender::Female),
        _ => None,
    }
}

/// Pronouns that, right after a name, usually refer to it ("Jane Roe said
/// she ..."). Object forms ("her", "him") are left out: after a name they
/// are mostly someone else ("Tom Roe thanked her").
fn gender_pronoun(lw: &str) -> Option<Gender> {
    match lw {
        "he" | "his" | "himself" => Some(Gender::Male),
        "she" | "herself" | "hers" => Some(Gender::Female),
        _ => None,
    }
}

/// First names and their usual gender (`data/entities/census_first_name_gender.tsv`,
/// built from the 1990 US Census lists by `scripts/build-gazetteers.py`).
const FIRST_NAME_GENDER: &str = include_str!("../../../data/entities/census_first_name_gender.tsv");

/// The gender a first name usually has, if the census lists say so.
pub(crate) fn first_name_gender(w: &str) -> Option<Gender> {
    static NAMES: std::sync::OnceLock<Vec<(&'static str, Gender)>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut v: Vec<(&str, Gender)> = FIRST_NAME_GENDER
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (n, g) = l.split_once('\t')?;
                Some((
                    n,
                    if g == "F" {
                        Gender::Female
                    } else {
                        Gender::Male
                    },
                ))
            })
            .collect();
        v.sort_unstable_by_key(|e| e.0);
        v
    });
    let lw = super::lower::lower(w);
    names
        .binary_search_by_key(&&*lw, |e| e.0)
        .ok()
        .map(|i| names[i].1)
}

/// Given names that the census lists give one gender by a margin, but that
/// news writes for men and women alike ("Lindsey", "Kim", "Robin",
/// "Jordan"): too weak to keep "Mr. Roe" from "Robin Roe". Lowercase.
const BOTH_GENDERS: &[&str] = &[
    "andrea", "ashley", "avery", "billie", "bobbie", "cameron", "carroll", "chris", "courtney",
    "dale", "drew", "jean", "jordan", "kelly", "kim", "lindsey", "lou", "robin", "sandy",
    "shannon", "stacey", "stacy", "toni", "tracy", "whitney",
];

/// The gender a first name says strongly enough to tell two people of one
/// surname apart: [`first_name_gender`], but none for a given name borne
/// by both ([`BOTH_GENDERS`]).
fn clear_first_name_gender(w: &str) -> Option<Gender> {
    let lw = super::lower::lower(w);
    if BOTH_GENDERS.contains(&&*lw) {
        return None;
    }
    first_name_gender(w)
}

/// The gender a person's name says: a gendered title before it ("Mrs.
/// Roe") or its first name as the census lists have it ("Jane Roe").
pub(crate) fn name_gender(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    let lw = super::lower::lower(first);
    if let Some(g) = gender_word(&lw) {
        return Some(g);
    }
    // a single word is a surname as often as a first name
    words.next()?;
    first_name_gender(first).or_else(|| compound_given_name_gender(first))
}

/// The gender of a hyphenated given name the census lists lack ("Jean-Luc",
/// "Eva-Maria"): its first part's, as in French and German compounds
/// where a second "Marie" or "Maria" does not make "Jean-Marie" a woman.
/// "Jean" opening such a compound is the French man's name, whatever the
/// census says of "Jean" alone; another part borne by both says nothing.
fn compound_given_name_gender(w: &str) -> Option<Gender> {
    let (head, rest) = w.split_once('-')?;
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if super::lower::lower(head) == "jean" {
        return Some(Gender::Male);
    }
    clear_first_name_gender(head)
}

/// Generational suffixes: "Tom Roe Jr." is not "Tom Roe".
pub(crate) fn is_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Jr" | "Sr" | "II" | "III" | "IV" | "jr" | "sr"
    )
}

/// Lowercase name particles a surname may start with ("van der Berg").
/// Equal words, ignoring case ("de Blasio" ~ "De Blasio").
fn same_word(a: &str, b: &str) -> bool {
    a == b
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

/// One unit of a first or middle name: an initial or a whole word.
#[derive(Clone, Copy)]
enum Part<'a> {
    Initial(char),
    Word(&'a str),
}

/// The parts a name word stands for: "W." an initial, "H.W." two, "Walker" a word.
fn parts<'a>(w: &'a str, out: &mut Vec<Part<'a>>) {
    let letters: Vec<char> = w.chars().filter(|c| *c != '.').collect();
    let initials = letters.len() == 1
        || (w.contains('.') && letters.len() <= 3 && letters.iter().all(|c| c.is_uppercase()));
    if initials {
        out.extend(letters.into_iter().map(Part::Initial));
    } else {
        out.push(Part::Word(w));
    }
}

/// Whether two name parts may be the same: equal words, or an initial and
/// a word it begins.
fn part_compatible(a: Part<'_>, b: Part<'_>) -> bool {
    let first = |w: &str| {
        w.chars()
            .next()
            .map(|c| c.to_lowercase().collect::<String>())
    };
    let ini = |c: char| Some(c.to_lowercase().collect::<String>());
    match (a, b) {
        (Part::Word(x), Part::Word(y)) => same_word(x, y),
        (Part::Initial(x), Part::Initial(y)) => ini(x) == ini(y),
        (Part::Initial(x), Part::Word(y)) | (Part::Word(y), Part::Initial(x)) => ini(x) == first(y),
    }
}

/// A person mention read as a name.
struct PersonName<'a> {
    /// Its name words without leading titles or a generational suffix.
    core: Vec<&'a str>,
    /// "Jr", "Sr", "II", ...
    suffix: Option<&'a str>,
    /// The gender its own title gives ("Mrs. Roe", "Congresswoman Jane Roe").
    title: Option<Gender>,
    /// The gender a pronoun right after it suggests ("Roe said he ...").
    pronoun: Option<Gender>,
    /// Role titles before it, lowercased ("president", "senator").
    roles: Vec<String>,
    /// A full name: a first name and a surname ("Jane Roe", "Mark T. Roe").
    full: bool,
}

impl PersonName<'_> {
    /// Surname words: `core` ends with `short` (a proper tail of it).
    fn ends_with(&self, short: &[&str]) -> bool {
        short.len() < self.core.len()
            && self.core[self.core.len() - short.len()..]
                .iter()
                .zip(short)
                .all(|(a, b)| same_word(a, b))
    }

    /// First and middle names, as initials or words.
    fn given_parts(&self) -> (Vec<Part<'_>>, Vec<Part<'_>>) {
        let mut first = Vec::new();
        let mut middle = Vec::new();
        if let Some((&f, rest)) = self.core.split_first() {
            parts(f, &mut first);
            for w in rest.iter().take(rest.len().saturating_sub(1)) {
                parts(w, &mut middle);
            }
        }
        (first, middle)
    }
}

/// Whether two full names may name one person: same surname, same first
/// name (or its initial), middle names that agree where both give them
/// ("Mark Roe" ~ "Mark T. Roe", but not "Mark S. T. Roe" ~ "Mark T.
/// Roe"), and the same generational suffix or none on both.
///
/// A suffix on one only keeps them apart: the article that writes "Tom Roe
/// Jr." tells him from his father "Tom Roe" by it.
fn full_compatible(a: &PersonName<'_>, b: &PersonName<'_>) -> bool {
    let (Some(sa), Some(sb)) = (a.core.last(), b.core.last()) else {
        return false;
    };
    if !same_word(sa, sb) || a.suffix != b.suffix {
        return false;
    }
    if let (Some(x), Some(y)) = (a.title, b.title) {
        if x != y {
            return false;
        }
    }
    let (fa, ma) = a.given_parts();
    let (fb, mb) = b.given_parts();
    let agree = |x: &[Part<'_>], y: &[Part<'_>]| {
        x.len() == y.len() && x.iter().zip(y).all(|(&p, &q)| part_compatible(p, q))
    };
    let first_ok = match (fa.first(), fb.first()) {
        (Some(&p), Some(&q)) if fa.len() == 1 || fb.len() == 1 => part_compatible(p, q),
        _ => agree(&fa, &fb),
    };
    first_ok && (ma.is_empty() || mb.is_empty() || agree(&ma, &mb))
}

/// The titles right before a person mention (its role, and the titles,
/// dots and title modifiers before the name): the gender the nearest
/// gendered one gives ("Mrs." in "Mrs. Roe", "Congresswoman" in "former
/// Congresswoman Jane Roe"), and the role titles ("president").
fn titles_before(
    kb: &Knowledge,
    text: &Text<'_>,
    r: &Raw,
    roles: &mut Vec<String>,
) -> Option<Gender> {
    let mut gender = None;
    let note = |w: &str, gender: &mut Option<Gender>, roles: &mut Vec<String>| {
        let lw = super::lower::lower(w);
        if let Some(g) = gender_word(&lw) {
            *gender = gender.or(Some(g));
        } else if kb.title_or_abbreviation(&lw) == Some(false) && !roles.iter().any(|x| *x == *lw) {
            roles.push(lw.to_string());
        }
    };
    let sentence = text.tokens().get(r.first)?.sentence;
    let mut i = r.first;
    let mut words = 0;
    while i > 0 && words < 4 {
        i -= 1;
        if text.tokens().get(i).is_none_or(|t| t.sentence != sentence) {
            break;
        }
        let w = text.token_text(i);
        if w == "." {
            continue;
        }
        let lw = super::lower::lower(w);
        if gender_word(&lw).is_none()
            && kb.title_or_abbreviation(&lw).is_none()
            && !kb.is_title_modifier(&lw)
        {
            break;
        }
        note(w, &mut gender, roles);
        words += 1;
    }
    // The role the rules found, when it is a title phrase right before the
    // name ("Secretary of State", not "a secretary of labor during the").
    if let Some((a, b)) = r.role {
        let phrase = (a..b).all(|j| {
            let w = text.token_text(j);
            let lw = super::lower::lower(w);
            text.is_capitalized(j)
                || matches!(&*lw, "of" | "the" | "." | "-" | "and")
                || kb.title(&lw).is_some()
                || kb.is_title_modifier(&lw)
        });
        if b == r.first && phrase {
            for j in a..b {
                note(text.token_text(j), &mut gender, roles);
            }
        }
    }
    gender
}

/// The gender of the first personal pronoun after a person mention, when no
/// other person or quotation comes first: in its sentence, or opening the
/// next one when it is the only person of its own.
fn pronoun_gender(
    text: &Text<'_>,
    raws: &[Raw],
    person_starts: &[usize],
    r: &Raw,
) -> Option<Gender> {
    let tokens = text.tokens();
    let sentence = tokens.get(r.first)?.sentence;
    let mut j = r.end;
    while let Some(t) = tokens.get(j) {
        if t.sentence != sentence {
            break;
        }
        if t.kind == crate::text::TokenKind::Quote || person_starts.binary_search(&j).is_ok() {
            return None;
        }
        if let Some(g) = gender_pronoun(&super::lower::lower(text.token_text(j))) {
            return Some(g);
        }
        j += 1;
    }
    let alone = raws
        .iter()
        .filter(|o| o.kind == Some(EntityType::Person))
        .filter(|o| tokens.get(o.first).is_some_and(|t| t.sentence == sentence))
        .count()
        == 1;
    let next = tokens.get(j)?;
    if alone && next.sentence == sentence + 1 && next.kind == crate::text::TokenKind::Word {
        return gender_pronoun(&super::lower::lower(text.token_text(j)));
    }
    None
}

/// Gender evidence of a person group: titles (strong) and pronouns or
/// titles of the short forms that joined it (weak).
#[derive(Clone, Copy, Default)]
struct Tally {
    strong: [u32; 2],
    weak: [u32; 2],
}

impl Tally {
    fn add(&mut self, g: Option<Gender>, strong: bool) {
        if let Some(g) = g {
            let k = usize::from(g == Gender::Female);
            if strong {
                self.strong[k] += 1;
            } else {
                self.weak[k] += 1;
            }
        }
    }

    /// The gender it shows, and whether a title says it.
    fn gender(&self) -> Option<(Gender, bool)> {
        let pick = |c: [u32; 2]| match c {
            [m, 0] if m > 0 => Some(Gender::Male),
            [0, f] if f > 0 => Some(Gender::Female),
            _ => None,
        };
        if let Some(g) = pick(self.strong) {
            return Some((g, true));
        }
        if self.strong != [0, 0] {
            return None;
        }
        match self.weak {
            [m, f] if m > f => Some((Gender::Male, false)),
            [m, f] if f > m => Some((Gender::Female, false)),
            _ => None,
        }
    }
}

/// Whether a mention's gender contradicts its candidate's (each with
/// whether a title or first name says it), and if so whether the mention's
/// own title says it (then the candidate is out).
fn contradicts(mine: Option<(Gender, bool)>, theirs: Option<(Gender, bool)>) -> Option<bool> {
    match (mine, theirs) {
        (Some((x, strong)), Some((y, _))) if x != y => Some(strong),
        _ => None,
    }
}

/// The candidate nearest before `pos`, else the nearest after it: each
/// candidate is (position of a full mention, its group, its index).
fn nearest(pos: usize, cands: &[(usize, usize, usize)]) -> Option<(usize, usize, usize)> {
    cands
        .iter()
        .filter(|c| c.0 <= pos)
        .max_by_key(|c| c.0)
        .or_else(|| cands.iter().filter(|c| c.0 > pos).min_by_key(|c| c.0))
        .copied()
}

/// Whether the article introduces group `gi` through a kinship noun ("his
/// father, Otto Roe", "the daughter of Otto Roe") or as a head of state's
/// spouse ("the first lady, Ann Roe"): its first full mention has one
/// shortly before it in its sentence. Such a person is named for another's
/// sake: the other one owns the surname and the office.
fn introduced_as_kin(text: &Text<'_>, raws: &[Raw], groups: &[Group<'_>], gi: usize) -> bool {
    // "a niece of the late Governor Otto Roe": kinship noun,
    // preposition and a title or two before the name
    const KIN_WINDOW: usize = 6;
    let sentence = |k: usize| text.tokens().get(k).map(|t| t.sentence);
    let kin_before = |k: usize| {
        let first = k.saturating_sub(KIN_WINDOW);
        (first..k).filter(|&j| sentence(j) == sentence(k)).any(|j| {
            let w = text.lower(j);
            super::KINSHIP.contains(&w.as_ref())
                || (w == "lady" && j > first && text.lower(j - 1) == "first")
        })
    };
    groups.get(gi).is_some_and(|g| {
        g.members
            .iter()
            .map(|&m| &raws[m])
            .filter(|r| r.end - r.first >= 2)
            .map(|r| r.first)
            .min()
            .is_some_and(kin_before)
    })
}

/// The group a short person form joins: the nearest of `cands` (full
/// mentions of the people it can name, those in sentences naming two of
/// them left out when others remain) when it is local (earlier in the same
/// paragraph, in its sentence or the one before: "Tom Roe spoke next. Roe
/// said …"); otherwise, among `all` the candidates, the person the article has
/// named most so far, nearest on a tie, and never one the article
/// introduced through a kinship noun while another was not. A family named
/// in passing ("his father, Otto Roe") leaves the article's subject the
/// owner of "Mr. Roe" paragraphs later, where a writer who meant the
/// father would name him again.
fn salient_or_nearest(
    text: &Text<'_>,
    raws: &[Raw],
    groups: &[Group<'_>],
    i: usize,
    cands: &[(usize, usize, usize)],
    all: &[(usize, usize, usize)],
) -> Option<usize> {
    // Two sentences back is too far for a full name to claim a shared
    // surname by nearness alone ("his wife, Ann Roe, was there. The hall
    // was full. Roe said ..." is the article's subject); the three
    // surnames this moved in 640 campaign articles all went right.
    const LOCAL_SENTENCES: u32 = 1;
    let pos = raws[i].first;
    let chosen = nearest(pos, cands)?;
    let mut rivals: Vec<usize> = all.iter().map(|a| a.1).collect();
    rivals.sort_unstable();
    rivals.dedup();
    if rivals.len() < 2 {
        return Some(chosen.1);
    }
    let sentence = |k: usize| text.tokens().get(k).map(|t| t.sentence);
    // paragraph of a sentence: the latest paragraph start at or before it
    let paragraph = |s: u32| {
        text.sentences()
            .get(..=s as usize)
            .and_then(|ss| ss.iter().rposition(|x| x.starts_paragraph))
    };
    let local = chosen.0 <= pos
        && match (sentence(chosen.0), sentence(pos)) {
            (Some(a), Some(b)) => b - a <= LOCAL_SENTENCES && paragraph(a) == paragraph(b),
            _ => false,
        };
    if local {
        return Some(chosen.1);
    }
    let introduced_as_kin = |gi: usize| introduced_as_kin(text, raws, groups, gi);
    let named_before = |gi: usize| {
        groups.get(gi).map_or(0, |g| {
            g.members.iter().filter(|&&m| raws[m].first < pos).count()
        })
    };
    let salience = |gi: usize| (!introduced_as_kin(gi), named_before(gi));
    let most = rivals.iter().map(|&gi| salience(gi)).max()?;
    if salience(chosen.1) == most {
        return Some(chosen.1);
    }
    // the most salient; among equals the one named nearest before
    let pick = all
        .iter()
        .filter(|a| salience(a.1) == most)
        .copied()
        .collect::<Vec<_>>();
    nearest(pos, &pick).map(|c| c.1).or(Some(chosen.1))
}

/// Group person mentions, keeping different people with one surname apart.
///
/// 1. Full names ("Jane Roe", "Mark T. Roe"): one spelling is one person;
///    fullest first, a spelling joins the group of the nearest full name
///    compatible with all of the group's (see [`full_compatible`]: "Jane
///    Roe" and "Tom Roe" are two people), unless a sentence names both.
/// 2. Short forms, in body order: a surname ("Roe", "Mrs. Roe", "Roe Jr.")
///    joins the group of the nearest preceding full name it ends (else the
///    nearest following one), a first name ("Jane") one it begins; when
///    that full name is not local (same paragraph, its sentence or the one
///    before), the person named most so far ([`salient_or_nearest`]).
///    - Gender: a title ("Mrs.") excludes a person whose title, first name
///      (census lists) or pronouns ("Roe said he") say the other gender; a
///      pronoun after the short form excludes unless nothing is left.
///    - A role title ("Senator Roe", "Gov. Roe") prefers the person who had
///      it; with none, not a person introduced as someone's relative.
///    - A bare surname right after a titled one ("President Roe said …
///      Roe added") is its person when no other candidate is named there.
///    - A bare surname prefers a full name without a generational suffix:
///      an article that tells a "Jr." from his father writes it for him.
///    - A full name in a sentence that names two of the candidates, or in
///      the short form's own sentence, gives way to a farther clear one.
fn group_persons<'a>(
    kb: &Knowledge,
    text: &Text<'a>,
    raws: &[Raw],
    all_words: &[Vec<&'a str>],
    groups: &mut Vec<Group<'a>>,
    group_of: &mut [usize],
) {
    let persons: Vec<usize> = (0..raws.len())
        .filter(|&i| raws[i].kind == Some(EntityType::Person) && !all_words[i].is_empty())
        .collect();
    if persons.is_empty() {
        return;
    }
    let person_starts: Vec<usize> = persons.iter().map(|&i| raws[i].first).collect();
    let mut names: Vec<Option<PersonName<'a>>> = (0..raws.len()).map(|_| None).collect();
    for &i in &persons {
        let mut core = all_words[i].clone();
        let mut title = None;
        let mut roles = Vec::new();
        // A title the tagger kept inside the mention ("Mrs Roe").
        while core.len() > 1 {
            let lw = super::lower::lower(core[0]);
            let g = gender_word(&lw);
            if g.is_none() && kb.title(&lw).is_none() {
                break;
            }
            if g.is_none() && kb.title(&lw) == Some(false) {
                roles.push(lw.to_string());
            }
            title = title.or(g);
            core.remove(0);
        }
        let suffix = match core.last() {
            Some(&w) if core.len() > 1 && is_suffix(w) => {
                core.pop();
                Some(w)
            }
            _ => None,
        };
        let before = titles_before(kb, text, &raws[i], &mut roles);
        let title = title.or(before);
        let pronoun = pronoun_gender(text, raws, &person_starts, &raws[i]);
        names[i] = Some(PersonName {
            core,
            suffix,
            title,
            pronoun,
            roles,
            full: false,
        });
    }
    // "Omar and Leila Haddad": a given name alone, joined by "and" to a
    // full name, shares its surname (a couple, siblings, a parent and
    // child), unless the article has a person of that surname ("Roe and
    // Jane Doe" where it names "Tom Roe") or of that given name with another
    // surname ("Jane and Tom Doe" where it names "Jane Roe").
    let mut implied: Vec<Option<String>> = vec![None; raws.len()];
    for &i in &persons {
        let Some(n) = names[i].as_ref() else { continue };
        let &[given] = n.core.as_slice() else {
            continue;
        };
        // "Ana Roe, Omar and Leila Haddad": the third of a list of names
        // may be a name of its own ("Cher, Madonna and Tina Turner")
        let listed = raws[i].first >= 2
            && matches!(text.token_text(raws[i].first - 1), "," | ";")
            && raws.iter().any(|r| r.end == raws[i].first - 1);
        if all_words[i].len() != 1
            || listed
            || n.suffix.is_some()
            || !given.chars().next().is_some_and(char::is_uppercase)
            || !kb.is_first_name(given)
            || raws[i].end >= text.tokens().len()
            || text.token_text(raws[i].end) != "and"
        {
            continue;
        }
        let partner = persons
            .iter()
            .find(|&&j| raws[j].first == raws[i].end + 1)
            .and_then(|&j| names[j].as_ref())
            .filter(|o| o.core.len() >= 2 && o.suffix.is_none() && kb.is_first_name(o.core[0]));
        let Some(surname) = partner.and_then(|o| o.core.last().copied()) else {
            continue;
        };
        let taken = persons.iter().filter_map(|&k| names[k].as_ref()).any(|o| {
            o.core.len() >= 2
                && o.core.last().is_some_and(|l| {
                    same_word(l, given) || same_word(o.core[0], given) && !same_word(l, surname)
                })
        });
        if taken {
            continue;
        }
        implied[i] = Some(format!("{given} {surname}"));
        if let Some(n) = names[i].as_mut() {
            n.core.push(surname);
        }
    }
    // A full name has a capitalized first name ("Jane Roe"), and is not the
    // tail of a longer name of the article ("Ames Roe" of "Jane Ames
    // Roe", "van der Berg"). A particle opens no full name ("Van Berg"),
    // unless it is also a first name ("Al", "Ben").
    for &i in &persons {
        let Some(n) = names[i].as_ref() else { continue };
        let given = n.core.first().is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && (!kb.is_particle(&super::lower::lower(w)) || kb.is_first_name(w))
        });
        let tail = persons
            .iter()
            .filter_map(|&j| names[j].as_ref())
            .any(|o| o.ends_with(&n.core));
        let full = n.core.len() >= 2 && given && !tail;
        if let Some(n) = names[i].as_mut() {
            n.full = full;
        }
    }
    let name = |i: usize| names[i].as_ref();
    let is_full = |i: usize| name(i).is_some_and(|n| n.full);
    let first_group = groups.len();
    let mut tallies: Vec<Tally> = Vec::new();
    let mut join =
        |groups: &mut Vec<Group<'a>>, tallies: &mut Vec<Tally>, gi: Option<usize>, i: usize| {
            let gi = gi.unwrap_or_else(|| {
                groups.push(Group {
                    kind: EntityType::Person,
                    words: all_words[i].clone(),
                    glued: Vec::new(),
                    canonical: raws[i].canonical.clone(),
                    aliases: Vec::new(),
                    members: Vec::new(),
                    roles: Vec::new(),
                    references: Vec::new(),
                    implied: None,
                });
                tallies.push(Tally::default());
                groups.len() - 1
            });
            groups[gi].members.push(i);
            if groups[gi].canonical.is_none() {
                groups[gi].canonical = raws[i].canonical.clone();
            }
            group_of[i] = gi;
            gi
        };
    let sentence_of = |i: usize| text.tokens().get(raws[i].first).map(|t| t.sentence);
    // Full names of one spelling are one person; then, fullest first, each
    // spelling joins the group of the nearest compatible one, unless one
    // sentence names both ("Mark Roe and his son, Mark T. Roe,":
    // a writer names one person once per sentence).
    let mut spellings: Vec<Vec<usize>> = Vec::new();
    for &i in persons.iter().filter(|&&i| is_full(i)) {
        let Some(n) = name(i) else { continue };
        let same = spellings.iter_mut().find(|c| {
            name(c[0]).is_some_and(|o| {
                o.suffix == n.suffix
                    && o.core.len() == n.core.len()
                    && o.core.iter().zip(&n.core).all(|(a, b)| same_word(a, b))
            })
        });
        match same {
            Some(c) => c.push(i),
            None => spellings.push(vec![i]),
        }
    }
    spellings.sort_by_key(|c| {
        let n = name(c[0]).map_or(0, |n| n.core.len());
        (std::cmp::Reverse(n), raws[c[0]].first)
    });
    // Anchors: (position, group, index) of every full mention.
    let mut anchors: Vec<(usize, usize, usize)> = Vec::new();
    for c in &spellings {
        let Some(n) = name(c[0]) else { continue };
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        for (gi, g) in groups.iter().enumerate().skip(first_group) {
            let members = &g.members;
            let fits = members
                .iter()
                .filter_map(|&m| name(m))
                .all(|o| full_compatible(n, o));
            let apart = members
                .iter()
                .any(|&m| c.iter().any(|&k| sentence_of(k) == sentence_of(m)));
            let same_canonical =
                raws[c[0]].canonical.is_some() && raws[c[0]].canonical == g.canonical;
            if (fits && !apart) || same_canonical {
                cands.extend(members.iter().map(|&m| (raws[m].first, gi, m)));
            }
        }
        let mut found = nearest(raws[c[0]].first, &cands).map(|c| c.1);
        for &i in c {
            let Some(n) = name(i) else { continue };
            let gi = join(groups, &mut tallies, found, i);
            found = Some(gi);
            if groups[gi].implied.is_none() {
                groups[gi].implied = implied[i].clone();
            }
            let tally = &mut tallies[gi - first_group];
            tally.add(n.title, true);
            tally.add(
                n.core.first().and_then(|f| clear_first_name_gender(f)),
                true,
            );
            tally.add(n.pronoun, false);
            anchors.push((raws[i].first, gi, i));
        }
    }
    for &i in &persons {
        if is_full(i) {
            continue;
        }
        let Some(n) = name(i) else { continue };
        let mine = n.title.map(|g| (g, true)).or(n.pronoun.map(|g| (g, false)));
        let suffix_fits = |o: &PersonName<'_>| n.suffix.is_none() || n.suffix == o.suffix;
        let tiers: [&dyn Fn(&PersonName<'_>) -> bool; 3] = [
            // A surname: "Roe", "van der Berg", "Roe Jr.".
            &|o| o.ends_with(&n.core),
            // A first name: "Jane", "Tom Jr.".
            &|o| n.core.len() == 1 && o.core.first().is_some_and(|f| same_word(f, n.core[0])),
            // Any run of the full name (a middle name).
            &|o| o.core.len() > n.core.len() && contains_run(&o.core, &n.core),
        ];
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        for tier in tiers {
            cands = anchors
                .iter()
                .copied()
                .filter(|a| name(a.2).is_some_and(|o| tier(o) && suffix_fits(o)))
                .collect();
            if !cands.is_empty() {
                break;
            }
        }
        // A bare surname is the namesake without "Jr." when both are named.
        if n.suffix.is_none()
            && cands
                .iter()
                .any(|a| name(a.2).is_some_and(|o| o.suffix.is_none()))
        {
            cands.retain(|a| name(a.2).is_some_and(|o| o.suffix.is_none()));
        }
        if raws[i].canonical.is_some() {
            if let Some(gi) =
                (first_group..groups.len()).find(|&gi| groups[gi].canonical == raws[i].canonical)
            {
                cands = vec![(raws[i].first, gi, i)];
            }
        }
        // Groups of short forms only, one of them of this spelling ("Roe"
        // ... "Mr. Roe").
        let same_short = |groups: &[Group<'a>]| -> Vec<(usize, usize, usize)> {
            (first_group..groups.len())
                .filter(|&gi| !groups[gi].members.iter().any(|&m| is_full(m)))
                .filter(|&gi| {
                    groups[gi].members.iter().filter_map(|&m| name(m)).any(|o| {
                        o.core.len() == n.core.len()
                            && o.core.iter().zip(&n.core).all(|(a, b)| same_word(a, b))
                            && o.suffix == n.suffix
                    })
                })
                .flat_map(|gi| {
                    groups[gi]
                        .members
                        .iter()
                        .map(move |&m| (raws[m].first, gi, m))
                })
                .collect()
        };
        if cands.is_empty() {
            // No full name: short forms of one spelling and no contrary
            // gender are one person.
            cands = same_short(groups);
        }
        // Gender: a mention's title ("Mrs.") excludes a person of the other
        // gender; a pronoun after it does unless nothing else is left.
        let tally = |gi: usize| tallies.get(gi - first_group).and_then(Tally::gender);
        let hard: Vec<(usize, usize, usize)> = cands
            .iter()
            .copied()
            .filter(|a| contradicts(mine, tally(a.1)) != Some(true))
            .collect();
        let soft: Vec<(usize, usize, usize)> = hard
            .iter()
            .copied()
            .filter(|a| contradicts(mine, tally(a.1)).is_none())
            .collect();
        // A full name the article only implies ("Omar" of "Omar and Leila
        // Haddad") names a person in passing: a written one of the same
        // surname owns the bare surname, unless the mention's title rules
        // that one out.
        let written = |a: &(usize, usize, usize)| implied[a.2].is_none();
        let (hard, soft) = if hard.iter().any(written) {
            (
                hard.iter().copied().filter(written).collect::<Vec<_>>(),
                soft.iter().copied().filter(written).collect::<Vec<_>>(),
            )
        } else {
            (hard, soft)
        };
        let mut cands = if soft.is_empty() { hard } else { soft };
        // Every full name of this surname is of the other gender ("Mrs.
        // Roe" where the article names only "Tom Roe"): the short forms of
        // this spelling and gender are one person, not one each.
        if cands.is_empty() {
            cands = same_short(groups)
                .into_iter()
                .filter(|a| contradicts(mine, tally(a.1)) != Some(true))
                .collect();
        }
        // A role title ("President Roe") goes to the person who had it,
        // when one of the candidates did.
        let had_role = |gi: usize| {
            groups[gi]
                .members
                .iter()
                .filter_map(|&m| name(m))
                .any(|o| o.roles.iter().any(|r| n.roles.contains(r)))
        };
        if !n.roles.is_empty() && cands.iter().any(|a| had_role(a.1)) {
            cands.retain(|a| had_role(a.1));
        } else if !n.roles.is_empty() {
            // An office title says nothing of gender but names its holder:
            // with no candidate introduced with it, not one introduced as
            // someone's relative ("his wife, Ann Dell" for "President
            // Dell"). Another office proves nothing: one person holds
            // several over a career ("Sen. Roe" who was "Secretary Roe").
            let kin = |gi: usize| introduced_as_kin(text, raws, groups, gi);
            if cands.iter().any(|a| !kin(a.1)) {
                cands.retain(|a| !kin(a.1));
            }
        }
        // A full name is a poor antecedent in a sentence that also names
        // another of the candidates ("Tom Roe's father, Bob Roe, ...") or
        // in the mention's own sentence (a writer would say "he" there):
        // nearer such ones give way to farther clear ones.
        let candidates = cands.clone();
        let mut rivals: Vec<usize> = cands.iter().map(|a| a.1).collect();
        rivals.sort_unstable();
        rivals.dedup();
        let mine_sentence = sentence_of(i);
        if rivals.len() > 1 {
            let clear: Vec<(usize, usize, usize)> = cands
                .iter()
                .copied()
                .filter(|a| {
                    let s = sentence_of(a.2);
                    let named = rivals
                        .iter()
                        .filter(|&&gj| groups[gj].members.iter().any(|&m| sentence_of(m) == s))
                        .count();
                    named < 2 && s != mine_sentence
                })
                .collect();
            if !clear.is_empty() {
                cands = clear;
            }
        }
        // A bare surname right after a title tied one person of the
        // surname to it ("President Dell spoke. Dell added ..."), in the
        // sentence before or earlier in its own, is that person when no
        // other candidate is named there. Only a titled short form counts:
        // a secondary person named in full the sentence before leaves the
        // article's subject the surname, and a bare one this rule placed
        // would chain.
        let mut recent: Vec<usize> = Vec::new();
        let mut titled_recent = false;
        if n.title.is_none() && n.roles.is_empty() {
            if let Some(s) = mine_sentence {
                let pos = raws[i].first;
                let near = |m: usize| {
                    raws[m].first < pos && sentence_of(m).is_some_and(|t| t + 1 == s || t == s)
                };
                for a in &candidates {
                    let gi = a.1;
                    if recent.contains(&gi) {
                        continue;
                    }
                    let members = &groups[gi].members;
                    if members.iter().any(|&m| near(m)) {
                        recent.push(gi);
                        titled_recent = members.iter().any(|&m| {
                            near(m)
                                && name(m).is_some_and(|o| {
                                    !o.full && (o.title.is_some() || !o.roles.is_empty())
                                })
                        });
                    }
                }
            }
        }
        let chosen = if let ([gi], true) = (recent.as_slice(), titled_recent && rivals.len() > 1) {
            Some(*gi)
        } else {
            salient_or_nearest(text, raws, groups, i, &cands, &candidates)
        };
        let gi = join(groups, &mut tallies, chosen, i);
        // What a title or pronoun says of a short form is evidence for the
        // person it joined, though weaker than a full name's own title.
        tallies[gi - first_group].add(n.title.or(n.pronoun), false);
    }
}

#[cfg(test)]
mod tests {
    //! Grouping through the whole stage, on invented text: the tagger
    //! decides the spans (checked to be right on these sentences), grouping
    //! decides who is who.

    use super::*;
    use crate::enrich::entities::EntitiesStage;

    fn run(body: &str) -> Vec<Entity> {
        static STAGE: std::sync::OnceLock<EntitiesStage> = std::sync::OnceLock::new();
        STAGE
            .get_or_init(EntitiesStage::new)
            .extract(&Text::analyze(body))
    }

    /// The entity holding the `nth` (from 0) occurrence of `needle` in
    /// `body` as a mention starting there (bodies here are ASCII).
    fn holder<'a>(ents: &'a [Entity], body: &str, needle: &str, nth: usize) -> &'a Entity {
        let start = body
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap_or_else(|| panic!("no {needle} #{nth} in the body"));
        ents.iter()
            .find(|e| e.mentions.iter().any(|m| m.start == start))
            .unwrap_or_else(|| panic!("{needle} #{nth} (at {start}) is no mention: {ents:#?}"))
    }

    fn texts(e: &Entity) -> Vec<&str> {
        e.mentions.iter().map(|m| m.text.as_str()).collect()
    }

    #[test]
    fn a_paper_or_agency_cut_to_its_last_words_joins_its_full_name() {
        let body = "The Harbor Daily Times reported the deal on Monday. The Times said the \
                    port would close. The Bureau of Coastal and Marine Services agreed. \
                    Marine Services said little else. The White House said nothing, and \
                    the House voted on Friday.";
        let ents = run(body);
        let paper = holder(&ents, body, "Harbor Daily Times", 0);
        assert_eq!(
            holder(&ents, body, "The Times said", 0).id,
            paper.id,
            "{ents:#?}"
        );
        let bureau = holder(&ents, body, "Bureau of Coastal", 0);
        assert_eq!(
            holder(&ents, body, "Marine Services said", 0).id,
            bureau.id,
            "{ents:#?}"
        );
        // a body named after its seat lends no short form
        let house = holder(&ents, body, "House voted", 0);
        assert_ne!(house.id, holder(&ents, body, "White House", 0).id);
    }

    #[test]
    fn a_sentence_opener_run_into_a_name_lends_no_full_form() {
        // "Secret" is capitalized only as the headline's first word: the
        // article writes it in lowercase, so the name is Harbor Mills Bank
        let body = "Secret Harbor Mills Bank files must be released.\n\n\
                    A judge ordered the release of secret Harbor Mills Bank files \
                    on Monday. Harbor Mills Bank said it would appeal.";
        let ents = run(body);
        let bank = holder(&ents, body, "Harbor Mills Bank said", 0);
        assert_eq!(bank.name, "Harbor Mills Bank", "{ents:#?}");
        // a name that opens its sentence is still the full form when its
        // first word is lowercase elsewhere only on its own
        let body = "Upper Valley Gazette editors met on Monday. The upper floors \
                    were closed. The Gazette said the office would reopen.";
        let ents = run(body);
        let paper = holder(&ents, body, "Upper Valley Gazette", 0);
        assert_eq!(
            holder(&ents, body, "Gazette said", 0).id,
            paper.id,
            "{ents:#?}"
        );
    }

    #[test]
    fn a_short_form_ending_two_full_names_joins_neither() {
        let body = "The Harbor Post and the Valley Post both ran the story. \
                    The Post said the port would close.";
        let ents = run(body);
        let short = holder(&ents, body, "The Post said", 0);
        assert_ne!(
            short.id,
            holder(&ents, body, "The Harbor Post", 0).id,
            "{ents:#?}"
        );
        assert_ne!(
            short.id,
            holder(&ents, body, "Valley Post", 0).id,
            "{ents:#?}"
        );
    }

    #[test]
    fn a_double_barrelled_surname_stays_its_persons_even_when_split_elsewhere() {
        let body = "Jennifer Vell-Orsini is one of the welders who lost their jobs. \
                    Workers like Ms. Vell-Orsini feel betrayed. Consider the case of \
                    Ms. Vell-Orsini. Ms. Vell-Orsini emphasized that she enjoyed her work.";
        let ents = run(body);
        let full = holder(&ents, body, "Jennifer Vell-Orsini", 0);
        assert_eq!(full.kind, EntityType::Person);
        assert_eq!(
            holder(&ents, body, "Vell-Orsini emphasized", 0).id,
            full.id,
            "{ents:#?}"
        );
    }

    #[test]
    fn a_place_in_capitals_joins_its_ordinary_spelling() {
        let body = "DENVER (Wire) - The council met in Denver on Monday. US officials came.";
        let ents = run(body);
        let e = holder(&ents, body, "DENVER", 0);
        assert_eq!(e.name, "Denver", "{ents:#?}");
        assert_eq!(texts(e), ["DENVER", "Denver"]);
        // Short capitals stay apart from a word: "US" is not "Us".
        assert!(!caps_eq(&["US"], &["Us"]));
    }

    #[test]
    fn bare_surname_joins_the_nearest_preceding_full_name() {
        let body = "Jane Roe opened the meeting in Denver on Monday. Roe said the budget \
                    was too small. Later, Tom Roe spoke to reporters. Roe said he disagreed \
                    with the plan.";
        let ents = run(body);
        let jane = holder(&ents, body, "Jane Roe", 0);
        let tom = holder(&ents, body, "Tom Roe", 0);
        assert_ne!(jane.id, tom.id, "{ents:#?}");
        assert_eq!(jane.kind, EntityType::Person);
        assert_eq!(jane.name, "Jane Roe");
        assert_eq!(tom.name, "Tom Roe");
        // "Roe" #1 is the first bare one: after Jane Roe, before Tom Roe.
        assert_eq!(holder(&ents, body, "Roe said", 0).id, jane.id);
        assert_eq!(holder(&ents, body, "Roe said", 1).id, tom.id);
        assert_eq!(texts(jane), ["Jane Roe", "Roe"]);
        assert_eq!(texts(tom), ["Tom Roe", "Roe"]);
    }

    #[test]
    fn a_surname_far_from_a_relative_joins_the_person_named_most() {
        // the father is the nearest full name before the last two "Brandt",
        // but a paragraph back: the article's subject keeps the surname
        let body = "Senator Carl Brandt said on Monday that the bill would pass. Brandt \
                    told reporters the vote was close. \"We have the numbers,\" Mr. Brandt \
                    said.\n\nBrandt grew up in Ohio, where his father, Otto Brandt, ran a \
                    hardware store. Otto Brandt died in 1990.\n\n\"I learned everything \
                    from him,\" Mr. Brandt said. Brandt added that the bill would help.";
        let ents = run(body);
        let carl = holder(&ents, body, "Carl Brandt", 0);
        let otto = holder(&ents, body, "Otto Brandt", 0);
        assert_ne!(carl.id, otto.id, "{ents:#?}");
        assert_eq!(texts(otto), ["Otto Brandt", "Otto Brandt"], "{ents:#?}");
        assert_eq!(carl.mentions.len(), 6, "{ents:#?}");
        // and a surname right after a relative's full name, in its
        // paragraph, still joins the relative
        let body = "Senator Carl Brandt said the bill would pass. Brandt said the vote \
                    was close.\n\nHis father, Otto Brandt, ran a store for decades. \
                    Brandt sold it in 1990.";
        let ents = run(body);
        let otto = holder(&ents, body, "Otto Brandt", 0);
        assert_eq!(texts(otto), ["Otto Brandt", "Brandt"], "{ents:#?}");
    }

    #[test]
    fn a_person_introduced_as_someones_relative_does_not_take_the_surname() {
        // the father is named twice, the daughter once, but he is named
        // as her father: a later "Roe" a paragraph away is hers
        let body = "Jane Roe, the daughter of former Governor Otto Roe, won the primary \
                    on Tuesday. Otto Roe served two terms in the 1980s.\n\nThe race \
                    was close.\n\n\"We will win in November,\" Roe said on Wednesday.";
        let ents = run(body);
        let jane = holder(&ents, body, "Jane Roe", 0);
        let otto = holder(&ents, body, "Otto Roe", 0);
        assert_ne!(jane.id, otto.id, "{ents:#?}");
        assert_eq!(holder(&ents, body, "Roe said", 0).id, jane.id, "{ents:#?}");
    }

    #[test]
    fn an_abbreviated_office_title_names_the_person_introduced_with_it() {
        // "Gov." is split from its dot: the role is still the governor's
        let body = "Gov. Mark Ulner signed the budget on Friday. His wife, Dana \
                    Ulner, spoke first at the event. Then Gov. Ulner thanked the \
                    legislature.";
        let ents = run(body);
        let mark = holder(&ents, body, "Mark Ulner", 0);
        assert_eq!(
            holder(&ents, body, "Ulner thanked", 0).id,
            mark.id,
            "{ents:#?}"
        );
    }

    #[test]
    fn an_office_title_never_names_a_person_introduced_as_a_relative() {
        // no full mention carries "President": the relative is still out
        let body = "Carl Dell, the president, flew to Ohio. His wife, Ann Dell, \
                    joined him. Ann Dell spoke first. President Dell spoke later.";
        let ents = run(body);
        let carl = holder(&ents, body, "Carl Dell", 0);
        assert_eq!(
            holder(&ents, body, "Dell spoke later", 0).id,
            carl.id,
            "{ents:#?}"
        );
    }

    #[test]
    fn an_office_title_never_names_the_first_lady() {
        // "first lady" introduces a spouse: "Secretary Voss" is the other
        let body = "Martin Voss toured the port on Monday. The crowd met the \
                    first lady, Greta Voss, at the pier. Greta Voss praised the \
                    workers. Secretary Voss spoke later.";
        let ents = run(body);
        let martin = holder(&ents, body, "Martin Voss", 0);
        assert_eq!(
            holder(&ents, body, "Voss spoke later", 0).id,
            martin.id,
            "{ents:#?}"
        );
    }

    #[test]
    fn a_bare_surname_after_a_titled_one_is_that_person() {
        let body = "President Carl Dell flew to Ohio on Monday with his wife, Ann \
                    Dell. The crowd cheered. Ann Dell waved to the crowd. President \
                    Dell said the economy was strong. Dell added that jobs were coming.";
        let ents = run(body);
        let carl = holder(&ents, body, "Carl Dell", 0);
        let ann = holder(&ents, body, "Ann Dell", 0);
        assert_ne!(carl.id, ann.id, "{ents:#?}");
        assert_eq!(holder(&ents, body, "Dell said", 0).id, carl.id, "{ents:#?}");
        assert_eq!(
            holder(&ents, body, "Dell added", 0).id,
            carl.id,
            "{ents:#?}"
        );
    }

    #[test]
    fn a_full_name_two_sentences_back_does_not_take_a_shared_surname() {
        let body = "Senator Carl Dell spoke in Dayton on Monday. His wife, Ann Dell, \
                    stood beside him. The hall was full. Dell said the plant would \
                    reopen.";
        let ents = run(body);
        let carl = holder(&ents, body, "Carl Dell", 0);
        assert_eq!(holder(&ents, body, "Dell said", 0).id, carl.id, "{ents:#?}");
        // the sentence right before is still near enough
        let body = "Senator Carl Dell spoke in Dayton on Monday. His wife, Ann Dell, \
                    stood beside him. Dell said she had met him at a fair.";
        let ents = run(body);
        let ann = holder(&ents, body, "Ann Dell", 0);
        assert_eq!(holder(&ents, body, "Dell said", 0).id, ann.id, "{ents:#?}");
    }

    #[test]
    fn mrs_without_a_full_name_of_her_own_is_one_person() {
        // the article names only "Tom Roe" in full: each "Mrs. Roe" is kept
        // from him, and both are one woman
        let body = "Mrs. Roe opened the meeting on Monday. Tom Roe, her neighbour, listened. \
                    Later Mrs. Roe thanked the volunteers.";
        let ents = run(body);
        let tom = holder(&ents, body, "Tom Roe", 0);
        let first = body.find("Mrs. Roe").map(|i| i + "Mrs. ".len());
        let second = body.rfind("Mrs. Roe").map(|i| i + "Mrs. ".len());
        assert_ne!(first, second);
        let her = ents
            .iter()
            .find(|e| e.mentions.iter().any(|m| Some(m.start) == first))
            .unwrap_or_else(|| panic!("no first Mrs. Roe: {ents:#?}"));
        assert_ne!(her.id, tom.id);
        assert!(
            her.mentions.iter().any(|m| Some(m.start) == second),
            "{ents:#?}"
        );
    }

    #[test]
    fn mrs_does_not_join_a_man_of_the_same_surname() {
        // Tom Roe is the nearest full name before "Mrs. Roe", but a man:
        // she is Jane Roe; "Mr. Roe" after her is Tom again.
        let body = "Jane Roe, a lawyer, said she would run for mayor. Tom Roe said he would \
                    help her. Mrs. Roe thanked the volunteers on Sunday. Mr. Roe stayed at home.";
        let ents = run(body);
        let jane = holder(&ents, body, "Jane Roe", 0);
        let tom = holder(&ents, body, "Tom Roe", 0);
        assert_ne!(jane.id, tom.id);
        let mrs = body.find("Mrs. Roe").map(|i| i + "Mrs. ".len());
        let mr = body.find("Mr. Roe").map(|i| i + "Mr. ".len());
        assert!(
            jane.mentions.iter().any(|m| Some(m.start) == mrs),
            "{ents:#?}"
        );
        assert!(
            tom.mentions.iter().any(|m| Some(m.start) == mr),
            "{ents:#?}"
        );
        assert!(
            !tom.mentions.iter().any(|m| Some(m.start) == mrs),
            "{ents:#?}"
        );
    }

    #[test]
    fn father_and_son_of_one_name_stay_apart() {
        // "Jr." tells the son from his father: the writer marks him by it,
        // so "Tom Roe" (no suffix) is the father, and "Roe Jr." the son.
        let body = "Tom Roe Jr. opened the bakery on Friday. His father, Tom Roe, founded it \
                    in 1970. Roe Jr. said sales were up.";
        let ents = run(body);
        let son = holder(&ents, body, "Tom Roe Jr", 0);
        let father = holder(&ents, body, "Tom Roe,", 0);
        assert_ne!(son.id, father.id, "{ents:#?}");
        assert_eq!(holder(&ents, body, "Roe Jr. said", 0).id, son.id);
        assert_eq!(texts(father), ["Tom Roe"]);

        // A middle initial added is the same person, unless one sentence
        // names both forms: then they are two people (here father and son).
        let body = "Mark Roe and his son, Mark T. Roe, both ran for the council. Mark T. Roe \
                    won the seat. Later, Mark Roe said he was proud.";
        let ents = run(body);
        let father = holder(&ents, body, "Mark Roe", 0);
        let son = holder(&ents, body, "Mark T. Roe", 0);
        assert_ne!(father.id, son.id, "{ents:#?}");
        assert_eq!(holder(&ents, body, "Mark T. Roe", 1).id, son.id);
        assert_eq!(holder(&ents, body, "Mark Roe", 1).id, father.id);

        let body = "Peter Quill visited the factory. Mark T. Roe greeted the visitors. Mark \
                    Roe said the plant would grow.";
        let ents = run(body);
        let roe = holder(&ents, body, "Mark T. Roe", 0);
        assert_eq!(holder(&ents, body, "Mark Roe", 0).id, roe.id, "{ents:#?}");
        assert_eq!(roe.name, "Mark T. Roe");
    }

    #[test]
    fn bare_first_name_joins_the_full_name_it_begins() {
        let body = "Jane Roe and Tom Roe arrived in Paris. Jane said the trip was long.";
        let ents = run(body);
        let jane = holder(&ents, body, "Jane Roe", 0);
        assert_eq!(holder(&ents, body, "Jane said", 0).id, jane.id, "{ents:#?}");
        assert_ne!(holder(&ents, body, "Tom Roe", 0).id, jane.id);
    }

    #[test]
    fn acronym_in_parentheses_is_an_alias_of_its_name() {
        // "AFK" does not spell the name; the parenthesis says it is its alias.
        let body = "The Coastal Liberation Army (AFK) claimed the attack on Tuesday. Officials \
                    said AFK fighters had crossed the border.";
        let ents = run(body);
        let army = holder(&ents, body, "Coastal Liberation Army", 0);
        assert_eq!(army.kind, EntityType::Organization);
        assert_eq!(holder(&ents, body, "AFK", 0).id, army.id, "{ents:#?}");
        assert_eq!(holder(&ents, body, "AFK", 1).id, army.id, "{ents:#?}");
    }

    fn person<'a>(core: &[&'a str], suffix: Option<&'a str>) -> PersonName<'a> {
        PersonName {
            core: core.to_vec(),
            suffix,
            title: None,
            pronoun: None,
            roles: Vec::new(),
            full: true,
        }
    }

    #[test]
    fn full_names_compatible_by_first_middle_and_suffix() {
        let g = person(&["George", "Roe"], None);
        let gw = person(&["George", "W.", "Roe"], None);
        let ghw = person(&["George", "H.", "W.", "Roe"], None);
        let ghw2 = person(&["George", "H.W.", "Roe"], None);
        let full = person(&["George", "Herbert", "Walker", "Roe"], None);
        let jeb = person(&["Jeb", "Roe"], None);
        let jr = person(&["George", "Roe"], Some("Jr"));
        assert!(full_compatible(&g, &gw));
        assert!(full_compatible(&g, &ghw));
        assert!(!full_compatible(&gw, &ghw));
        assert!(full_compatible(&ghw, &ghw2));
        assert!(full_compatible(&ghw2, &full));
        assert!(!full_compatible(&jeb, &gw));
        assert!(!full_compatible(&jr, &g));
        assert!(full_compatible(
            &jr,
            &person(&["George", "Roe"], Some("Jr"))
        ));
    }

    #[test]
    fn gender_from_titles_first_names_and_pronouns() {
        assert_eq!(gender_word("mrs."), Some(Gender::Female));
        assert_eq!(gender_word("mr"), Some(Gender::Male));
        assert_eq!(gender_word("senator"), None);
        assert_eq!(first_name_gender("Jane"), Some(Gender::Female));
        assert_eq!(first_name_gender("Tom"), Some(Gender::Male));
        // Common to both: no gender.
        assert_eq!(first_name_gender("Leslie"), None);
        assert_eq!(gender_pronoun("she"), Some(Gender::Female));
        assert_eq!(gender_pronoun("her"), None);
        let mut t = Tally::default();
        t.add(Some(Gender::Male), false);
        assert_eq!(t.gender(), Some((Gender::Male, false)));
        t.add(Some(Gender::Female), true);
        assert_eq!(t.gender(), Some((Gender::Female, true)));
    }

    #[test]
    fn a_hyphenated_given_name_takes_its_first_parts_gender() {
        assert_eq!(name_gender("Jean-Paul Varle"), Some(Gender::Male));
        assert_eq!(name_gender("Anna-Lena Dorf"), Some(Gender::Female));
        // the census's "Jean" alone stays as it is
        assert_eq!(name_gender("Jean Varle"), first_name_gender("Jean"));
        // a lowercase second part is no compound given name
        assert_eq!(name_gender("Tom-tom Varle"), None);
    }

    #[test]
    fn a_title_joins_a_full_name_whose_given_name_both_genders_bear() {
        // the census lists "Lindsey" mostly for women; "Mr." still
        // names the senator the article introduced
        let body = "Senator Lindsey Marsh spoke at the plant on Monday. The crowd \
                    was small. Later, Mr. Marsh told reporters the vote would wait.";
        let ents = run(body);
        let full = holder(&ents, body, "Lindsey Marsh", 0);
        assert_eq!(
            holder(&ents, body, "Marsh told", 0).id,
            full.id,
            "{ents:#?}"
        );
        // a clearly gendered given name still keeps "Mr." apart
        let body = "Margaret Voss spoke at the plant on Monday. The crowd was \
                    small. Later, Mr. Voss told reporters the vote would wait.";
        let ents = run(body);
        let full = holder(&ents, body, "Margaret Voss", 0);
        assert_ne!(holder(&ents, body, "Voss told", 0).id, full.id, "{ents:#?}");
    }

    #[test]
    fn a_given_name_joined_to_a_full_name_by_and_shares_its_surname() {
        let body = "The bakery was opened in 2004 by Omar and Leila Haddad. Now Omar \
                    bakes the bread, and Leila Haddad runs the shop. Mr. Haddad \
                    said the rent had doubled.";
        let ents = run(body);
        let omar = holder(&ents, body, "Omar", 0);
        assert_eq!(omar.name, "Omar Haddad", "{ents:#?}");
        assert_eq!(holder(&ents, body, "Omar bakes", 0).id, omar.id);
        assert_eq!(holder(&ents, body, "Haddad said", 0).id, omar.id);
        assert_eq!(holder(&ents, body, "Leila Haddad", 0).name, "Leila Haddad");
        // a surname before "and" keeps its own person
        let body = "Tom Brandt met Carl Rooney in March. Brandt and Nina Rooney \
                    signed the lease.";
        let ents = run(body);
        assert_eq!(
            holder(&ents, body, "Brandt and", 0).name,
            "Tom Brandt",
            "{ents:#?}"
        );
    }
}
