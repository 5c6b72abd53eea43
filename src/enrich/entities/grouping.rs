//! Grouping: mentions of one real-world entity under one canonical name.
//!
//! Longer names are placed first, so that a short form finds the full one
//! wherever it appears: a person's surname or first name joins the person
//! whose full name contains it ("Trump" -> "Donald Trump"); an organization's
//! short form joins the name it begins ("Apple" -> "Apple Computer") and an
//! acronym joins the name whose initials it spells ("SEC" -> "Securities and
//! Exchange Commission"); places and other names join on equal text or equal
//! gazetteer canonical ("U.S." ~ "United States"). The canonical name is the
//! longest mention. Role phrases ("the US President") become references of
//! the one person who carries that role, when exactly one does.

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
}

fn words<'a>(text: &Text<'a>, r: &Raw) -> Vec<&'a str> {
    // A leading "The" is part of the mention, not of the name to match.
    let first = if r.end - r.first > 1 && text.token_text(r.first) == "The" {
        r.first + 1
    } else {
        r.first
    };
    (first..r.end)
        .map(|i| text.token_text(i))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
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

fn matches(g: &Group<'_>, kind: EntityType, ws: &[&str], canonical: Option<&str>) -> bool {
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
            g.words.starts_with(ws)
                || (ws.len() == 1
                    && ws[0].chars().count() >= 2
                    && ws[0].chars().all(|c| c.is_uppercase())
                    && g.words.len() >= 2
                    // Both ways spell the first word's initial first: a
                    // cheap test before building either.
                    && same_initial(ws[0], &g.words)
                    && (initials(&g.words) == ws[0] || is_acronym_of(ws[0], &g.words)))
        }
        EntityType::Location => g.words == ws,
    }
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

/// The group a mention joins: the first match, but among several an
/// organization's short form prefers the full name that only adds a legal
/// form ("Apple Inc." over "Apple Stores").
fn best_group(
    groups: &[Group<'_>],
    kind: EntityType,
    ws: &[&str],
    canonical: Option<&str>,
) -> Option<usize> {
    let mut hits = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| matches(g, kind, ws, canonical))
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

/// Build the entities from typed mentions (sorted by position).
pub fn group(
    kb: &Knowledge,
    text: &Text<'_>,
    raws: &[Raw],
    role_phrases: &[RolePhrase],
) -> Vec<Entity> {
    let _ = kb;
    let all_words: Vec<Vec<&str>> = raws.iter().map(|r| words(text, r)).collect();
    let mut order: Vec<usize> = (0..raws.len()).collect();
    // Longest names first; among equals, body order.
    order.sort_by_key(|&i| (std::cmp::Reverse(all_words[i].len()), raws[i].first));
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of = vec![usize::MAX; raws.len()];
    for &i in &order {
        let r = &raws[i];
        let Some(kind) = r.kind else { continue };
        let ws = all_words[i].clone();
        if ws.is_empty() {
            continue;
        }
        let found = best_group(&groups, kind, &ws, r.canonical.as_deref());
        let gi = match found {
            Some(gi) => gi,
            None => {
                groups.push(Group {
                    kind,
                    words: ws.clone(),
                    canonical: r.canonical.clone(),
                    aliases: Vec::new(),
                    members: Vec::new(),
                    roles: Vec::new(),
                    references: Vec::new(),
                });
                groups.len() - 1
            }
        };
        if r.canonical.is_some() && groups[gi].words != ws && !groups[gi].aliases.contains(&ws) {
            groups[gi].aliases.push(ws);
        }
        groups[gi].members.push(i);
        if groups[gi].canonical.is_none() {
            groups[gi].canonical = r.canonical.clone();
        }
        group_of[i] = gi;
    }
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
            // The fullest form, without a leading article the name does not
            // always carry ("The SEC" -> "SEC", but "The Telegraph" stays).
            let always_the = forms.iter().all(|(_, s)| s.text.starts_with("The "));
            let name = forms
                .iter()
                .map(|(_, s)| {
                    if always_the {
                        s.text
                    } else {
                        s.text.strip_prefix("The ").unwrap_or(s.text)
                    }
                })
                .max_by_key(|t| t.chars().count())
                .unwrap_or_default()
                .to_string();
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
