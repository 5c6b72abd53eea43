//! Entities stage: person, organization, location and misc names, grouped
//! under canonical names.
//!
//! The path over the shared tokens of [`Text`]:
//! 1. [`model`]: a trained sequence tagger (averaged perceptron, Viterbi)
//!    decides every name's span and type, from word, shape, affix and
//!    Brown-cluster features in context, with the [`gazetteer`] lists as
//!    features, the labels the same word got earlier in the article, and a
//!    second pass over what the whole article says;
//! 2. article-level fixes, each measured on the dev sets or kept for what a
//!    hand review of real news showed: a party tag's state is a place with
//!    its dot ([`states`]), quotation marks never start or end a
//!    name, a title is no part of the name after it and makes a person of
//!    it (a name the gazetteer knows as a town too), a wire dateline opens
//!    with a place, units and codes in capitals ("UTC", "GHz") are no names,
//!    a surname after the full name (or a title and surname) is that
//!    person unless it names a country or state, and so is a first name
//!    before that surname, a name after a kinship noun is a person, a
//!    curated MISC name keeps its type, and so does a plural demonym
//!    ("Muslims"), a family after a person ("the Roes") is persons, an
//!    unlisted "place" (or a person-shaped "organization") before ", who"
//!    or a role appositive (", the county's fire chief,") is a person, a
//!    town named like the article's person stays a town after "in" or
//!    before "County", a listed
//!    organization after "on" is no place, two names joined by "and" are
//!    two names unless the "and" is inside one organization name
//!    ("Department of Parks and Recreation"), a given name (or two given
//!    words no list or other mention claims) cut off before a person's
//!    surname is part of the name, a person inside a date is
//!    the month, an abbreviated title
//!    ("Sen.") leaves the name it was glued to, a person context ("the Roe
//!    administration", "Roe's cabinet", a list of persons) outweighs a
//!    small town for every bare mention of the word, a name shaped like a
//!    full name ("Dale Pruitt") that the tagger typed otherwise is a
//!    person, a bare name takes the
//!    type the article's mentions clearly give it ([`contexts`]),
//!    a place opener or a territory, venue or event head makes no person
//!    of a name ("Fort …", "… County", "… Tower"), a lone word capitalized
//!    only by its position ("Alright,", "Thirdly,") is no name,
//!    an unknown acronym takes the type of the name it abbreviates, a
//!    capitalized "The" inside a sentence belongs to the organization after
//!    it;
//! 3. [`candidates`] and [`typing`], the earlier rule-based recognizer, now
//!    only find the titles before a person's name (its `roles`: "Finance
//!    Minister") and role phrases without a name (`references`);
//! 4. [`grouping`]: mentions of one entity under its fullest name, with role
//!    phrases resolved to persons as references.
//!
//! Speed: the tagger hashes features into a fixed table (no feature
//! dictionary), word tables hash with [`fxhash`], lowercasing happens on the
//! stack ([`lower`]).

pub mod candidates;
mod contexts;
pub mod fxhash;
pub mod gazetteer;
pub mod grouping;
pub mod lower;
pub mod model;
mod states;
pub mod typing;

use super::{Document, Enrichment, Stage};
use crate::event::{DateMention, Entity, EntityType};
use crate::text::Text;
use candidates::DocInfo;
use gazetteer::Knowledge;
use model::{Model, ModelError, Span};
use typing::{Raw, RolePhrase};

/// The entity recognizer: the trained tagger plus the knowledge that
/// grouping, roles and references read.
pub struct EntitiesStage {
    /// Gazetteers and lexicons, parsed once: tagger features, canonical
    /// names, titles for roles.
    kb: Knowledge,
    /// The sequence tagger that decides spans and types.
    model: Model,
}

/// Why the entity stage cannot start.
pub type StageError = ModelError;

impl EntitiesStage {
    /// Load the knowledge and the model compiled into the binary.
    ///
    /// The bundled model is checked by the test suite (it loads and matches
    /// the compiled-in gazetteers), so this cannot fail in a released
    /// binary; [`EntitiesStage::with_model`] is the fallible path.
    pub fn new() -> Self {
        match Self::load(None) {
            Ok(s) => s,
            // Only a build whose bundled model does not match its own lists
            // gets here, and `tests` fail on it before it ships.
            Err(e) => panic!("bundled entity model unusable: {e}"),
        }
    }

    /// Load the knowledge and a model: the bundled one, or the file at `path`.
    pub fn load(path: Option<&std::path::Path>) -> Result<Self, StageError> {
        let model = match path {
            Some(p) => Model::from_file(p)?,
            None => Model::bundled()?,
        };
        Ok(EntitiesStage {
            kb: Knowledge::load(),
            model,
        })
    }

    /// Load with the model file at `path`.
    pub fn with_model(path: &std::path::Path) -> Result<Self, StageError> {
        Self::load(Some(path))
    }

    /// Approximate heap bytes held by the loaded knowledge and model.
    pub fn knowledge_bytes(&self) -> usize {
        self.kb.heap_bytes() + self.model.heap_bytes()
    }

    /// Find and group every name mention in `text`.
    pub fn extract(&self, text: &Text<'_>) -> Vec<Entity> {
        self.extract_with_dates(text, &[])
    }

    /// Find and group every name mention in `text`, where the dates stage
    /// found `dates`: a person name inside a date ("Jan." of "Jan. 29",
    /// "May" of "May 4") is the month, not a name.
    pub fn extract_with_dates(&self, text: &Text<'_>, dates: &[DateMention]) -> Vec<Entity> {
        if text.tokens().is_empty() {
            return Vec::new();
        }
        let kb = &self.kb;
        let doc = DocInfo::new(text);
        // The rules still find titles before names (roles) and role phrases
        // without a name (references); the tagger decides spans and types.
        let mut ruled: Vec<Raw> = Vec::new();
        let mut roles: Vec<RolePhrase> = Vec::new();
        for run in candidates::runs(kb, &doc, text) {
            // Roles and role phrases need a title word; elsewhere the rules'
            // typing only repeats what the tagger and the gazetteer lookup in
            // `tagged_raw` give (same output on 888 dev and news articles).
            let titled = (run.first..run.end).any(|i| {
                let w = lower::lower(text.token_text(i));
                kb.title(&w).is_some() || kb.is_title_modifier(&w)
            });
            if !titled {
                continue;
            }
            typing::type_run(kb, &doc, text, run, &mut ruled, &mut roles);
        }
        let mut spans = self.model.tag(kb, text);
        states::party_tags(kb, text, &mut spans);
        states::spelled_party_tags(kb, text, &mut spans);
        abbreviated_titles(kb, text, &mut spans);
        clause_breaks(kb, text, &mut spans);
        trim_edges(text, &mut spans);
        title_prefix(kb, text, &mut spans);
        titled_places(kb, text, &mut spans);
        datelines(kb, text, &mut spans);
        conjoined(kb, text, &mut spans);
        spans.retain(|s| !account_or_link(text, s.first));
        // Units, codes and time zones in capitals ("UTC", "GHz") are no names.
        spans.retain(|s| !(s.end - s.first == 1 && kb.is_non_name_caps(text.token_text(s.first))));
        non_persons_by_head(kb, text, &mut spans);
        contexts::persons_by_context(kb, text, &mut spans);
        contexts::persons_by_full_name(kb, text, &mut spans);
        who_follows(kb, text, &mut spans);
        persons_by_name(kb, text, &mut spans);
        paired_surnames(text, &mut spans);
        kin(text, &mut spans);
        known_misc(kb, text, &mut spans);
        contexts::organizations_by_context(kb, text, &mut spans);
        contexts::one_type_per_word(kb, text, &mut spans);
        contexts::place_or_organization(kb, text, &mut spans);
        positional_words(kb, &doc, text, &mut spans);
        // "Jan." of "Jan. 17": the dates stage's month, not a person.
        spans.retain(|s| {
            let a = text.tokens()[s.first].cstart as usize;
            let b = text.tokens()[s.end - 1].cend as usize;
            !(s.kind == EntityType::Person && dates.iter().any(|d| d.start <= a && b <= d.end))
        });
        let mut raws: Vec<Raw> = spans
            .into_iter()
            .map(|s| tagged_raw(kb, text, &ruled, s))
            .collect();
        acronyms(text, &mut raws);
        attach_the_mid(text, &mut raws);
        lowercase_roles(kb, text, &mut roles);
        raws.sort_by_key(|r| r.first);
        grouping::group(kb, text, &raws, &roles)
    }
}

/// A name never starts with punctuation ("Mr" "." "Roe" is "Roe"), and
/// never ends with a quotation mark, bracket, comma, dash or possessive the
/// tagger put at its edge ("”Smith" is "Smith"); a final dot stays
/// ("Acme Corp.").
///
/// Nor does a name end with a lowercase word the tagger ran into it ("a
/// Quillmere alumna", "Acme vehicles", a verb after a headline's name,
/// "Jo Roe mocks"): names end with a capitalized word. An organization's
/// lowercase head stays ("the Acme party", "Eastport radio", as CoNLL
/// writes some), so does the end of a hyphenated compound ("Eastport-based"
/// is one word of the text), and a span of lowercase words only is left to
/// the tagger.
///
/// Nor does a person, organization or place name start with a plain number:
/// in "a 2019 Acme Institute report" or "1,200 Acme workers" the year or the
/// count is the noun phrase's, not the name's. An ordinal stays ("5th
/// Avenue"), and so does a year before an event, which is a MISC name ("the
/// 2030 World Cup").
fn trim_edges(text: &Text<'_>, spans: &mut Vec<Span>) {
    let lead = |i: usize| {
        !matches!(
            text.tokens()[i].kind,
            crate::text::TokenKind::Punct | crate::text::TokenKind::Quote
        ) && !matches!(text.token_text(i), "'s" | "’s")
    };
    let inner = |i: usize| {
        text.tokens()[i].kind != crate::text::TokenKind::Quote
            && !matches!(
                text.token_text(i),
                "(" | ")" | "[" | "]" | "," | ";" | ":" | "-" | "–" | "—" | "'s" | "’s"
            )
    };
    // a word of lowercase letters only, no organization's head ("party"),
    // set apart by a space: "-based" of "Eastport-based" is the compound's
    let lowercase_tail = |i: usize| {
        let w = text.token_text(i);
        (text.tokens()[i].space_before || text.tokens()[i].newlines_before > 0)
            && w.chars().all(char::is_lowercase)
            && !gazetteer::is_org_head_word(w)
    };
    let plain_number = |i: usize| {
        let w = text.token_text(i);
        w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && w.bytes().all(|b| b.is_ascii_digit() || b == b',')
    };
    for s in spans.iter_mut() {
        while s.first < s.end
            && (!lead(s.first) || (s.kind != EntityType::Misc && plain_number(s.first)))
        {
            s.first += 1;
        }
        while s.end > s.first && !inner(s.end - 1) {
            s.end -= 1;
        }
        let capitalized = (s.first..s.end).any(|i| text.is_capitalized(i));
        while capitalized && s.end > s.first + 1 && lowercase_tail(s.end - 1) {
            s.end -= 1;
            while s.end > s.first && !inner(s.end - 1) {
                s.end -= 1;
            }
        }
    }
    spans.retain(|s| s.first < s.end);
}

/// An abbreviated title ("Sen.", "Gov.", "Sens.") is no name, nor part of
/// the name before it: the tokenizer cuts it at its dot, and the tagger
/// may glue it to the place or party that qualifies it ("Texas Sen" of
/// "Texas Sen. Jane Roe", "Republican Sen") or type it alone ("Sens").
/// The span ends before the title and keeps what the lists say of the rest
/// ("Republican" stays MISC, "Texas" a place); a name inside the span after
/// the dot is a person.
fn abbreviated_titles(kb: &Knowledge, text: &Text<'_>, spans: &mut Vec<Span>) {
    let n = text.tokens().len();
    // "Sen" or the plural "Sens", written with a dot after it, then a name
    let abbreviated = |i: usize| {
        let w = lower::lower(text.token_text(i));
        let dotted = |stem: &str| kb.title(&format!("{stem}.")).is_some();
        i + 2 < n
            && text.token_text(i + 1) == "."
            && text.is_capitalized(i + 2)
            && (dotted(&w) || w.strip_suffix('s').is_some_and(dotted))
    };
    let mut out = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        let Some(t) = (s.first..s.end).find(|&i| abbreviated(i)) else {
            out.push(s);
            continue;
        };
        if t > s.first {
            let kind = text
                .token_span(s.first, t)
                .and_then(|sp| kb.lookup(sp.text))
                .map_or(s.kind, |e| match e.known {
                    gazetteer::Known::Entity(k) => k,
                    gazetteer::Known::Demonym => EntityType::Misc,
                });
            out.push(Span {
                first: s.first,
                end: t,
                kind,
            });
        }
        // "Sen" "." "Jane" "Roe" all in one span: the name is a person
        if t + 2 < s.end {
            out.push(Span {
                first: t + 2,
                end: s.end,
                kind: EntityType::Person,
            });
        }
    }
    *spans = out;
}

/// A semicolon, or a dash set off by spaces with a lowercase word on one
/// side, ends a clause and so a name: "the head of Acme; Eastport-based
/// singer …", "joined the Liberals - the group of …", "two firms - Acme,
/// Globex". The tagger, trained on copy that sets dashes apart less often,
/// runs names across them. Each side that starts with a capital stays a
/// name, typed as the lists say when they know it ("Westland - set" leaves
/// the country "Westland"). "Coca - Cola" (capitals on both sides) stays
/// one name.
///
/// Web copy glues its long dashes to the words ("backed Jo Roe—the
/// mayor then"): an em dash (or "--") is never inside a name, glued or
/// spaced ("Eastport — Westland" are two), and an en dash glued to a
/// lowercase word ends the name as a spaced one does; a hyphen still
/// needs its spaces ("Eastport-based" is one word).
fn clause_breaks(kb: &Knowledge, text: &Text<'_>, spans: &mut Vec<Span>) {
    let toks = text.tokens();
    let spaced_dash = |i: usize| {
        matches!(text.token_text(i), "-" | "–" | "—" | "--")
            && toks[i].space_before
            && toks.get(i + 1).is_some_and(|t| t.space_before)
    };
    let lower_word = |i: usize| {
        toks[i].kind == crate::text::TokenKind::Word
            && text
                .token_text(i)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    };
    let long_dash = |i: usize| matches!(text.token_text(i), "—" | "--");
    let glued_en_dash = |i: usize| text.token_text(i) == "–" && !spaced_dash(i);
    let breaks = |i: usize| {
        text.token_text(i) == ";"
            || long_dash(i)
            || (spaced_dash(i) || glued_en_dash(i)) && (lower_word(i - 1) || lower_word(i + 1))
    };
    let kind_of = |first: usize, end: usize, kind: EntityType| {
        let listed = text
            .token_span(first, end)
            .and_then(|sp| kb.lookup(sp.text))
            .map(|e| match e.known {
                gazetteer::Known::Entity(k) => k,
                gazetteer::Known::Demonym => EntityType::Misc,
            });
        listed.unwrap_or(if kb.is_org_head(text.token_text(end - 1)) {
            EntityType::Organization
        } else {
            kind
        })
    };
    if !spans
        .iter()
        .any(|s| (s.first + 1..s.end.saturating_sub(1)).any(breaks))
    {
        return;
    }
    let mut out = Vec::with_capacity(spans.len() + 1);
    for s in spans.drain(..) {
        let mut first = s.first;
        let mut split = false;
        for i in s.first + 1..s.end.saturating_sub(1) {
            if i > first && breaks(i) {
                if text.is_capitalized(first) {
                    out.push(Span {
                        first,
                        end: i,
                        kind: kind_of(first, i, s.kind),
                    });
                }
                first = i + 1;
                split = true;
            }
        }
        if !split {
            out.push(s);
        } else if first < s.end && text.is_capitalized(first) {
            out.push(Span {
                first,
                end: s.end,
                kind: kind_of(first, s.end, s.kind),
            });
        }
    }
    *spans = out;
}

/// A title is no part of the name it precedes ("Senator Jane Roe",
/// "Justice Roe", "Gov. Roe"): the tagger sometimes takes it in, and then
/// often types the whole as an organization ("Justice" of a ministry). The
/// title words leave the span, and what remains is a person unless it is a
/// listed place or organization or ends like one ("Bank"). A title alone
/// before a name is no name at all. A role's plural lists persons
/// ("Senators Roe and Poe"): it leaves a person's span, or one an "and"
/// follows.
///
/// Nor is a role title the end of the place or body it follows ("the
/// Westland Senator lost", "Acme News Executive Chairman Jo Roe"): it
/// names the holder, not the place. A single role word leaves a place or
/// organization the lists know ("Westland"); a title modifier leaves a
/// name when the title goes on after the span ("Executive" "Chairman")
/// and the rest is a name of that type the lists know or the article
/// writes alone ("Acme News"; not "Homeland" of "Homeland Security
/// Secretary", where "Security" is the department's).
/// A name with "of", "for" or "and" keeps its last word ("Department of
/// Justice"), and so do names unknown to the lists ("Burger King").
fn title_prefix(kb: &Knowledge, text: &Text<'_>, spans: &mut Vec<Span>) {
    let is_title = |i: usize| {
        let w = lower::lower(text.token_text(i));
        kb.title_or_abbreviation(&w).is_some()
    };
    let role = |i: usize| text.is_capitalized(i) && kb.title(&text.lower(i)) == Some(false);
    let plural_role = |i: usize| {
        let w = text.lower(i);
        text.is_capitalized(i)
            && w.strip_suffix('s')
                .is_some_and(|st| kb.title(st) == Some(false))
    };
    let lists_on = |end: usize| text.get_text(end) == Some("and");
    let listed_other = |first: usize, end: usize| {
        text.token_span(first, end)
            .and_then(|sp| kb.lookup(sp.text))
            .and_then(|e| match e.known {
                gazetteer::Known::Entity(k) if k != EntityType::Person => Some(k),
                _ => None,
            })
    };
    let skip_dot = |i: usize, end: usize| {
        if i < end && text.token_text(i) == "." {
            i + 1
        } else {
            i
        }
    };
    let honorific = |i: usize| kb.title(&lower::lower(text.token_text(i))) == Some(true);
    // the names the article writes, with their types: a name left by a
    // modifier must be one of them
    let written: Vec<(&str, EntityType)> = spans
        .iter()
        .filter_map(|s| Some((text.token_span(s.first, s.end)?.text, s.kind)))
        .collect();
    let known_as = |first: usize, end: usize, kind: EntityType| {
        listed_other(first, end) == Some(kind)
            || text
                .token_span(first, end)
                .is_some_and(|sp| written.contains(&(sp.text, kind)))
    };
    for s in spans.iter_mut() {
        // "Senate Majority" of "Senate Majority Leader": the party's side
        // belongs to the title after it, the chamber is the name
        if s.end - s.first >= 2
            && matches!(text.token_text(s.end - 1), "Majority" | "Minority")
            && text.is_capitalized(s.end)
            && text.get_text(s.end).is_some_and(|w| {
                let lw = lower::lower(w);
                typing::is_role_word(&lw) || kb.title(&lw).is_some()
            })
        {
            s.end -= 1;
        }
        if role_head(kb, text, s) {
            s.first += 1;
            s.kind = EntityType::Person;
            continue;
        }
        let joined = (s.first..s.end).any(|i| {
            matches!(
                text.token_text(i),
                "of" | "for" | "and" | "&" | "with" | "With"
            )
        });
        if s.kind != EntityType::Person && s.end - s.first >= 2 && !joined {
            let last = s.end - 1;
            let modifier_before_title = kb.is_title_modifier(&text.lower(last))
                && text.is_capitalized(last)
                && s.end < text.tokens().len()
                && text.is_capitalized(s.end)
                && is_title(s.end)
                && known_as(s.first, last, s.kind);
            if modifier_before_title {
                s.end -= 1;
            } else if role(last) {
                if let Some(k) = listed_other(s.first, last) {
                    s.end -= 1;
                    s.kind = k;
                }
            }
        }
        if s.end - s.first >= 2
            && plural_role(s.first)
            && text.is_capitalized(s.first + 1)
            && (s.kind == EntityType::Person || lists_on(s.end))
        {
            s.first += 1;
            s.kind = EntityType::Person;
            continue;
        }
        let mut f = s.first;
        let mut honored = false;
        while f < s.end && is_title(f) {
            honored |= honorific(f);
            f = skip_dot(f + 1, s.end);
        }
        if f == s.first {
            continue;
        }
        if f >= s.end {
            // Only title words: a name follows outside the span, or none does.
            let next = skip_dot(s.end, text.tokens().len());
            if next < text.tokens().len() && text.is_capitalized(next) {
                s.end = s.first;
            }
            continue;
        }
        if !text.is_capitalized(f) {
            continue;
        }
        // "Governor Texas" is no person, nor "Justice Department".
        let last = text.token_text(s.end - 1);
        let known_other = text
            .token_span(f, s.end)
            .and_then(|sp| kb.lookup(sp.text))
            .is_some_and(|e| e.known != gazetteer::Known::Entity(EntityType::Person));
        // An honorific ("Mr.", "Mrs.", "Dr.") comes before persons only:
        // "Mr. Jordan" is a person whatever else "Jordan" names.
        if !honored && (known_other || kb.is_org_head(last)) {
            continue;
        }
        s.first = f;
        s.kind = EntityType::Person;
    }
    spans.retain(|s| s.first < s.end);
}

/// Whether token `first` is written glued to an "@" or "#" before it, or
/// inside a web address: an account ("@AcmeNews"), a hashtag ("#VoteRoe")
/// or a link's path ("acme.com/JaneRoe") names no one in the running text,
/// and the tagger, meeting one capitalized word there, mostly calls it an
/// organization. The whitespace-free run of text the token ends decides.
fn account_or_link(text: &Text<'_>, first: usize) -> bool {
    let tokens = text.tokens();
    let Some(t) = tokens.get(first) else {
        return false;
    };
    if t.space_before || first == 0 {
        return false;
    }
    if matches!(text.token_text(first - 1), "@" | "#") {
        return true;
    }
    // the glued run before the token: back to the last whitespace
    let mut k = first;
    while k > 0 && tokens.get(k).is_some_and(|t| !t.space_before) {
        k -= 1;
    }
    let (Some(a), Some(b)) = (tokens.get(k), tokens.get(first)) else {
        return false;
    };
    let run = text
        .body()
        .get(a.start as usize..b.start as usize)
        .unwrap_or("");
    run.contains("://") || run.starts_with("www.")
}

/// Whether span `s` opens with the capitalized last word of a role phrase
/// the title list does not hold, glued to a full name after it: a role
/// word ("Majority Leader Jane Roe", "Pollster Tom Roe") or the head of
/// a title's "of" phrase ("Chief of Staff Jane Roe"). The name starts
/// with a census first name and has two words or more, so the role word
/// is no given name of its own.
fn role_head(kb: &Knowledge, text: &Text<'_>, s: &Span) -> bool {
    let f = s.first;
    if s.end - f < 3 || !text.is_capitalized(f) || !text.is_capitalized(f + 1) {
        return false;
    }
    let w = text.token_text(f);
    if kb.is_first_name(w) || !kb.is_first_name(text.token_text(f + 1)) {
        return false;
    }
    let lw = lower::lower(w);
    let role = typing::is_role_word(&lw);
    // "Chief of Staff", "Director of Communications": a title, "of", then
    // the word the tagger took in
    let of_head = f >= 2
        && text.token_text(f - 1) == "of"
        && kb
            .title(&text.lower(f - 2))
            .is_some_and(|honorific| !honorific);
    role || of_head
}

/// Whether a person title ends right before token `first` ("Mr." "Sen"
/// "." "President").
fn after_title(kb: &Knowledge, text: &Text<'_>, first: usize) -> bool {
    let mut t = first;
    if t > 0 && text.token_text(t - 1) == "." {
        t -= 1;
    }
    // in the name's sentence ("… named captain. Jordan said" is no
    // title) and capitalized, as titles before names are ("will miss
    // Jordan" is no "Miss Jordan")
    let toks = text.tokens();
    t > 0 && toks[t - 1].sentence == toks[first].sentence && text.is_capitalized(t - 1) && {
        let w = lower::lower(text.token_text(t - 1));
        // the dotted form ("sen.") only when a dot was written
        kb.title(&w).is_some() || t < first && kb.title(&format!("{}.", &*w)).is_some()
    }
}

/// A name right after a person title outside its span ("Mr. Jordan",
/// "President Lincoln", "Sen. Warren") is a person, though the gazetteer
/// knows the word as a place and the tagger followed it: a title never
/// comes before a place. An organization keeps its type ("Senator Hotels")
/// after a title of office, but an honorific ("Mr.", "Ms.", "Dr.") is said
/// of persons only: "Mr. English" or "Ms. Amazon", a surname that is also a
/// language or a company, is a person too.
fn titled_places(kb: &Knowledge, text: &Text<'_>, spans: &mut [Span]) {
    for s in spans.iter_mut() {
        if s.kind == EntityType::Person {
            continue;
        }
        let titled = after_title(kb, text, s.first);
        if s.kind != EntityType::Location {
            // the honorific right before, its dot split off or not, on the
            // name's line
            let t = if s.first > 1 && text.token_text(s.first - 1) == "." {
                s.first - 1
            } else {
                s.first
            };
            let honorific = titled && t > 0 && {
                let w = lower::lower(text.token_text(t - 1));
                kb.title(&w) == Some(true) || kb.title(&format!("{}.", &*w)) == Some(true)
            };
            let one_line = text
                .token_span(t - usize::from(t > 0), s.end)
                .is_some_and(|sp| !sp.text.contains('\n'));
            if honorific && one_line {
                s.kind = EntityType::Person;
            }
            continue;
        }
        // "Governor" is a title, "the Governor Texas" no phrase of English;
        // but a country or state after a capitalized role is its place
        // ("President Georgia" does not occur, "Minister Georgia" neither).
        let name = text.token_span(s.first, s.end).map(|sp| sp.text);
        let whole_place = name.is_some_and(|n| kb.is_country(n) || kb.is_us_state(n));
        if titled && !whole_place {
            s.kind = EntityType::Person;
        }
    }
}

/// Whether the words `first..and` and `and + 1..end` around one "and" are
/// parts of one organization name rather than two names: the right part
/// opens with a common word, no name of its own ("… and Recreation",
/// "… and Border Services"), has no "of" phrase of its own ("… and
/// National Academy of Arts" is a second body), and either the left part
/// is a body's "of"/"for" phrase ("Department of Parks", "Center for
/// Naval", but not "Department of Labor and Commerce Department", whose
/// right part names its own head) or the right part ends with an
/// organization head the left part lacks ("Land Titles and Border
/// Services"; "Acme Corp and Trade Services" are two).
fn and_inside_name(kb: &Knowledge, text: &Text<'_>, first: usize, and: usize, end: usize) -> bool {
    if first >= and || and + 1 >= end || text.token_text(and) != "and" {
        return false;
    }
    let right_first = text.token_text(and + 1);
    let common_word = right_first.chars().next().is_some_and(char::is_uppercase)
        && right_first != "The"
        && kb.lookup(right_first).is_none()
        && !kb.is_first_name(right_first)
        && !kb.is_last_name(right_first);
    let right_listed = text
        .token_span(and + 1, end)
        .is_some_and(|sp| kb.lookup(sp.text).is_some());
    let own_of = (and + 1..end).any(|i| matches!(text.token_text(i), "of" | "for"));
    if !common_word || right_listed || own_of {
        return false;
    }
    let right_last = text.token_text(end - 1);
    let of_phrase = (first..and.saturating_sub(2)).find(|&i| {
        kb.is_of_head(text.token_text(i)) && matches!(text.token_text(i + 1), "of" | "for")
    });
    match of_phrase {
        Some(h) => text.token_text(h) != right_last,
        None => kb.is_org_head(right_last) && !kb.is_org_head(text.token_text(and - 1)),
    }
}

/// Two names joined by "and", "or" or "&" are two names ("Acme and Globex
/// said", "on Snapfeed or Chirpr"), when each side is one the lists know or
/// the article writes alone elsewhere, and the whole is no listed name
/// itself ("Trinidad and Tobago"), nor one organization name with an "and"
/// inside ([`and_inside_name`]: "Department of Parks and Recreation"). A
/// slash between capitalized names joins two sponsors ("a Ledger/Acme
/// poll", "Eastport/Westland"): one side known alone is enough there, as
/// the other is a name of its own either way. A surname of a person the
/// article names in full stands alone ("Roe and Poe" after "Jo Roe" and
/// "Al Poe"). Two organization names that each end with their own head
/// ("Eastport College and Westland University") were tried as two as
/// well: right on the campaign articles, one exact match fewer on CoNLL
/// dev, so not kept. The tagger's two spans around
/// such an "and" are one name when the left one is no name by itself (the
/// lists do not know it, the article never writes it alone): "Center for
/// Naval" and "Space Studies".
fn conjoined(kb: &Knowledge, text: &Text<'_>, spans: &mut Vec<Span>) {
    let span_text = |first: usize, end: usize| text.token_span(first, end).map(|sp| sp.text);
    let adjacent = |a: &Span, b: &Span| {
        b.first == a.end + 1
            && a.kind != EntityType::Person
            && b.kind != EntityType::Person
            && and_inside_name(kb, text, a.first, a.end, b.end)
    };
    if spans.windows(2).any(|w| adjacent(&w[0], &w[1])) {
        let written: Vec<&str> = spans
            .iter()
            .filter_map(|s| span_text(s.first, s.end))
            .collect();
        let mut out: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans.drain(..) {
            if let Some(prev) = out.last_mut() {
                let left = span_text(prev.first, prev.end);
                let alone = left.is_some_and(|t| {
                    kb.lookup(t).is_some() || written.iter().filter(|&&w| w == t).count() > 1
                });
                if adjacent(prev, &s) && !alone {
                    prev.kind = EntityType::Organization;
                    prev.end = s.end;
                    continue;
                }
            }
            out.push(s);
        }
        *spans = out;
    }
    let joiner = |i: usize| matches!(text.token_text(i), "and" | "or" | "&" | "/");
    let has_joiner = |s: &Span| (s.first..s.end).any(joiner);
    // most articles have no such span: no set, no rebuilt list
    if !spans.iter().any(has_joiner) {
        return;
    }
    let alone: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| !has_joiner(s))
        .filter_map(|s| span_text(s.first, s.end))
        .collect();
    // surnames of the article's full person names: "Roe and Poe" after
    // "Jo Roe" and "Al Poe" are two persons
    let surnames: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && s.end - s.first >= 2 && !has_joiner(s))
        .map(|s| text.token_text(s.end - 1))
        .collect();
    let surname = |first: usize, end: usize| {
        end == first + 1 && text.is_capitalized(first) && surnames.contains(text.token_text(first))
    };
    let stands_alone = |first: usize, end: usize| {
        first < end
            // "… and Mr. Roe": a title opens no name of its own
            && kb.title(&lower::lower(text.token_text(first))).is_none()
            && (surname(first, end)
                || span_text(first, end)
                    .is_some_and(|t| kb.lookup(t).is_some() || alone.contains(t)))
    };
    let mut out = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        let and = (s.first + 1..s.end.saturating_sub(1)).find(|&i| joiner(i));
        let split = and.filter(|&a| {
            let sides = if text.token_text(a) == "/" {
                text.is_capitalized(s.first)
                    && text.is_capitalized(a + 1)
                    && (stands_alone(s.first, a) || stands_alone(a + 1, s.end))
            } else {
                stands_alone(s.first, a) && stands_alone(a + 1, s.end)
            };
            span_text(s.first, s.end).is_some_and(|t| kb.lookup(t).is_none())
                && !and_inside_name(kb, text, s.first, a, s.end)
                && sides
        });
        match split {
            Some(a) => {
                let kind_of = |first: usize, end: usize| {
                    if surname(first, end) {
                        return EntityType::Person;
                    }
                    span_text(first, end)
                        .and_then(|t| kb.lookup(t))
                        .and_then(|e| match e.known {
                            gazetteer::Known::Entity(k) => Some(k),
                            _ => None,
                        })
                        .unwrap_or(s.kind)
                };
                out.push(Span {
                    first: s.first,
                    end: a,
                    kind: kind_of(s.first, a),
                });
                out.push(Span {
                    first: a + 1,
                    end: s.end,
                    kind: kind_of(a + 1, s.end),
                });
            }
            None => out.push(s),
        }
    }
    *spans = out;
}

/// A wire dateline opens a line with a place, then the agency in brackets
/// and a dash: "NORTHFIELD (Wire) -", "Eastport, Westland (Wire) —"; or a
/// place the gazetteer knows, in capitals, and the dash: "NORTHFIELD -". The
/// training copy has its datelines without the agency, so the tagger takes
/// such a place for an organization or a person; the layout says it is a
/// place.
fn datelines(kb: &Knowledge, text: &Text<'_>, spans: &mut [Span]) {
    let n = text.tokens().len();
    let line_start = |i: usize| i == 0 || text.tokens()[i].newlines_before > 0;
    let is = |i: usize, w: &[&str]| i < n && w.contains(&text.token_text(i));
    // Spans that open a line, with the next spans of a "Place, Region" run.
    let mut k = 0;
    while k < spans.len() {
        if !line_start(spans[k].first) {
            k += 1;
            continue;
        }
        // The place, then optionally ", Region" spans, then "(" ... ")" and a dash.
        let mut last = k;
        while last + 1 < spans.len()
            && is(spans[last].end, &[","])
            && spans[last + 1].first == spans[last].end + 1
        {
            last += 1;
        }
        let open = spans[last].end;
        let close = (open + 1..n.min(open + 6)).find(|&j| is(j, &[")"]));
        let dashes = ["-", "–", "—", "--"];
        let agency = is(open, &["("]) && close.is_some_and(|c| c > open + 1 && is(c + 1, &dashes));
        // Without the agency, as many papers write it ("NORTHFIELD -",
        // "EASTPORT, Westl. -"): the place in capitals, and one the
        // gazetteer knows, since a headline word in capitals may open a
        // line before a dash too.
        let caps_place = || {
            let (f, e) = (spans[k].first, spans[k].end);
            (f..e).all(|i| text.is_all_caps(i) || text.token_text(i) == ".")
                && text.token_span(f, e).is_some_and(|sp| {
                    kb.lookup(sp.text)
                        .is_some_and(|x| x.known == gazetteer::Known::Entity(EntityType::Location))
                        || kb
                            .city_population(&gazetteer::title_cased(sp.text))
                            .is_some()
                })
        };
        let dated = agency || is(open, &dashes) && caps_place();
        if dated {
            for s in &mut spans[k..=last] {
                s.kind = EntityType::Location;
            }
        }
        k = last + 1;
    }
}

/// Once an article names a person in full ("Jane Roe") or by a title and
/// surname ("Mr. Roe", "President Roe"), the surname alone (or in the
/// plural, the family: "the Roes")
/// is that person wherever it stands capitalized outside another name,
/// unless the tagger took it for a place: a later "Roe" out of context is
/// often typed as a company or missed.
fn surnames(kb: &Knowledge, text: &Text<'_>, spans: &mut Vec<Span>) {
    let mut names: fxhash::FxHashSet<&str> = fxhash::FxHashSet::default();
    for s in spans.iter() {
        // a full name, or a surname after a title ("Mr. Roe"; not a title
        // itself: "Chief Justice", "Deputy Secretaries")
        let named = s.end - s.first >= 2
            || after_title(kb, text, s.first) && {
                let w = lower::lower(text.token_text(s.first));
                let singular = w.strip_suffix("ies").map(|b| format!("{b}y"));
                kb.title(&w).is_none()
                    && w.strip_suffix('s').is_none_or(|b| kb.title(b).is_none())
                    && singular.is_none_or(|b| kb.title(&b).is_none())
            };
        if s.kind == EntityType::Person && named {
            let last = text.token_text(s.end - 1);
            if last.chars().count() > 1 && text.is_capitalized(s.end - 1) {
                names.insert(last);
            }
        }
    }
    if names.is_empty() {
        return;
    }
    for s in spans.iter_mut() {
        // A country or a US state keeps its type: "Jane Jordan flew to
        // Jordan." A town the gazetteer knows is the person's name here
        // ("Tom Lincoln … Lincoln said").
        let w = text.token_text(s.first);
        let place = s.kind == EntityType::Location
            && (kb.is_country(w) || kb.is_us_state(w) || place_context(kb, text, s.first, s.end));
        // "the Roes", "the Bushes": the family of a person the article names
        let family = |w: &str| {
            w.strip_suffix('s')
                .into_iter()
                .chain(w.strip_suffix("es"))
                .any(|one| {
                    names.contains(one)
                        // "Americans", "Democrats": a nationality or a
                        // party's members, whatever person span ended so
                        && !kb.lookup(one).is_some_and(|e| {
                            matches!(
                                e.known,
                                gazetteer::Known::Demonym
                                    | gazetteer::Known::Entity(EntityType::Misc)
                            )
                        })
                })
        };
        if s.end - s.first == 1 && !place && (names.contains(w) || family(w)) {
            s.kind = EntityType::Person;
        }
    }
    let mut covered = vec![false; text.tokens().len()];
    for s in spans.iter() {
        covered[s.first..s.end].iter_mut().for_each(|c| *c = true);
    }
    // a word right before another person's name is that one's role or
    // modifier ("Pollster Jane Roe" where "Acme Pollster" was typed a
    // person), not a surname of its own
    let person_starts: fxhash::FxHashSet<usize> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person)
        .map(|s| s.first)
        .collect();
    let mut added = Vec::new();
    for (i, &c) in covered.iter().enumerate() {
        if !c
            && !text.is_all_caps(i)
            && !place_context(kb, text, i, i + 1)
            && names.contains(text.token_text(i))
            && !person_starts.contains(&(i + 1))
        {
            added.push(Span {
                first: i,
                end: i + 1,
                kind: EntityType::Person,
            });
        }
    }
    spans.extend(added);
    spans.sort_by_key(|s| s.first);
}

/// Whether the name `first..end` stands where English puts a place: a
/// place the gazetteer knows after "in", "near" or "outside" ("a rally in
/// Lincoln"; not "in Lincoln's view"), or any name before a word of a
/// territory's name ("Oduya County"). A town named like a person of the
/// article keeps its type there: the reader takes "Tom Lincoln … in
/// Lincoln" for a man and his town. A name before a noun
/// only modifies it ("in Acme shares", "in Senate bills"), and one before a
/// possessive is its owner ("in Oduya's view"): neither is the place.
fn place_context(kb: &Knowledge, text: &Text<'_>, first: usize, end: usize) -> bool {
    // the tagger types any unknown word after "in" a place: only a place
    // the gazetteer knows is one there ("the ally they had in Vesko" is
    // the article's Ana Vesko)
    let w = text.token_text(first);
    let before = kb.is_known_place(w)
        && first
            .checked_sub(1)
            .is_some_and(|p| matches!(text.token_text(p), "in" | "near" | "outside"));
    let after = text.get_text(end);
    let modifies = matches!(after, Some("'s" | "’s"))
        || after.is_some_and(|w| {
            w.starts_with(|c: char| c.is_lowercase())
                && !matches!(
                    w,
                    "on" | "and"
                        | "or"
                        | "in"
                        | "at"
                        | "to"
                        | "for"
                        | "from"
                        | "with"
                        | "where"
                        | "when"
                        | "since"
                        | "after"
                        | "before"
                        | "during"
                        | "last"
                        | "this"
                        | "next"
                        | "earlier"
                        | "later"
                        | "today"
                        | "yesterday"
                )
        });
    let territory = after.is_some_and(|w| TERRITORY_HEADS.contains(&w));
    before && !modifies || territory
}

/// Last words of the names of territories and geographic features
/// ("Oduya County", "Brell Island", "Fenwick Beach"): a word before one is
/// part of a place's name.
const TERRITORY_HEADS: &[&str] = &[
    "County",
    "Township",
    "Parish",
    "Borough",
    "Province",
    "District",
    "Island",
    "Islands",
    "Beach",
    "River",
    "Valley",
    "Canyon",
    "Avenue",
    "Boulevard",
];

/// First words of the names of places, forts and camps ("Fort Calder",
/// "Mount Oxley", "Lake Tarrow", "Port Allen", "Cape Dunmore").
const PLACE_OPENERS: &[&str] = &["Fort", "Camp", "Mount", "Lake", "Port", "Cape", "Isle"];

/// Interjections a quotation or a headline may open with ("Alright, …",
/// "Touché!"): no list of the tagger's gazetteers holds them (they belong
/// in `non_names.txt`, which is part of the model's fingerprint: move them
/// there at the next retraining).
const INTERJECTIONS: &[&str] = &[
    "Alright", "Okay", "Touché", "Meh", "Lordy", "Gosh", "Golly", "Geez", "Jeez", "Yikes", "Wow",
    "Whoa", "Ouch", "Oops", "Phew", "Ugh", "Hmm", "Alas", "Bravo", "Hooray", "Yay", "Nope", "Yep",
];

/// A lone capitalized word the tagger took for a name where only its
/// position capitalizes it: a sentence start, a clause after an opening
/// quote or a colon, or a title-case headline ("Little did they know",
/// "Alright, we go", "Thirdly, …", "Posthumous books sell"). The candidate
/// rules ask such a word for evidence ([`candidates::positional_evidence`]:
/// a list knows it, the article writes it capitalized mid-sentence); the
/// tagger does not. Dropped when the word stands once in the article, no
/// list knows it, and something says it is a common word: the article
/// writes it in lowercase (not for a MISC name), it is an adverb in "-ly"
/// of seven letters or more, or an interjection. A census surname needs the article's own lowercase
/// use and a lowercase word after it ("Young voters"; "Young said",
/// "Young, a senator," stay). Never before a speech verb, a possessive or
/// a closing quotation mark ("Hale said", "Roe's phone", a show's title:
/// "the “Gazette” host").
fn positional_words(kb: &Knowledge, doc: &DocInfo<'_>, text: &Text<'_>, spans: &mut Vec<Span>) {
    let toks = text.tokens();
    spans.retain(|s| {
        let i = s.first;
        if s.end - i != 1
            || !(doc.initial.get(i).copied().unwrap_or(false) || doc.in_headline(text, i))
        {
            return true;
        }
        let w = text.token_text(i);
        let mut cs = w.chars();
        let title_case = cs.next().is_some_and(char::is_uppercase)
            && cs.clone().any(char::is_lowercase)
            && !cs.any(char::is_uppercase);
        if !title_case
            || candidates::positional_evidence(kb, doc, text, i)
            || (0..toks.len()).any(|j| j != i && text.token_text(j) == w)
        {
            return true;
        }
        let next = text.get_text(i + 1);
        if next.is_some_and(|n| {
            typing::SPEECH_AFTER.contains(&n)
                || matches!(n, "'s" | "’s" | "'" | "’" | "”" | "''" | "\"")
        }) {
            return true;
        }
        let lw = lower::lower(w);
        let lower_here = (0..toks.len()).any(|j| text.token_text(j) == &*lw);
        if kb.is_last_name(w) {
            let lower_next = next.is_some_and(|n| n.starts_with(char::is_lowercase))
                && toks
                    .get(i + 1)
                    .is_some_and(|t| t.kind == crate::text::TokenKind::Word);
            return !(lower_here && lower_next);
        }
        // (the Brown clusters are no evidence: they list most places and
        // clubs in lowercase too, "wellington", "arsenal")
        // a MISC name (an event, a breed) keeps its capital for a reason
        // though the article writes the common word too ("the Rally" of
        // a season beside "a rally"); "Manly" is a town
        let common = lower_here && s.kind != EntityType::Misc
            || lw.chars().count() >= 7 && lw.ends_with("ly")
            || INTERJECTIONS.contains(&w);
        !common
    });
}

/// A name of two or more words the tagger typed as a person because a word
/// of it is a surname, though its head says what it is: a place opener
/// first ("Fort Calder", "Lake Tarrow") or a territory or geographic head
/// last ("Wexley County", "Brell Island") makes it a place (an
/// organization so named stays one: a county's government or a football
/// club, as the training copy types them); a venue or event head last ("the Lemon Bowl", "Harlan Tower") makes it
/// MISC, as [`typing::head_type`] types such names. Two words ending in a
/// census surname ("Tom Hall", "Dee Beach") and a hyphenated surname
/// ("Jo Ames-Hall") stay persons unless a place opener that is no given
/// name comes first, and so does a name right after a title
/// ("Mr. Lake Roe"). The bare first word of such a place ("Wexley" after
/// "Wexley County") is that place too, unless a person of the article is
/// named with it.
fn non_persons_by_head(kb: &Knowledge, text: &Text<'_>, spans: &mut [Span]) {
    let mut places: fxhash::FxHashSet<&str> = fxhash::FxHashSet::default();
    for s in spans.iter_mut() {
        let n = s.end - s.first;
        if n < 2 || after_title(kb, text, s.first) {
            continue;
        }
        let (first, last) = (text.token_text(s.first), text.token_text(s.end - 1));
        let person_shaped = n == 2 && kb.is_last_name(last) || text.token_text(s.end - 2) == "-";
        // "Primates of Wexley Avenue" is a title, not the street
        let of = (s.first..s.end).any(|i| text.token_text(i) == "of");
        let territory = TERRITORY_HEADS.contains(&last) && !person_shaped && !of;
        if territory && n == 2 {
            places.insert(first);
        }
        if s.kind == EntityType::Person && territory {
            s.kind = EntityType::Location;
        }
        if s.kind != EntityType::Person {
            continue;
        }
        // "Fort Hood": no given name opens it, whatever its second word
        if PLACE_OPENERS.contains(&first) && !kb.is_first_name(first) {
            s.kind = EntityType::Location;
        } else if !person_shaped
            && typing::head_type(kb, text, s.first, s.end) == Some(EntityType::Misc)
        {
            s.kind = EntityType::Misc;
        }
    }
    if places.is_empty() {
        return;
    }
    let named: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && s.end - s.first >= 2)
        .flat_map(|s| (s.first..s.end).map(|i| text.token_text(i)))
        .collect();
    for s in spans.iter_mut() {
        let w = text.token_text(s.first);
        if s.kind == EntityType::Person
            && s.end - s.first == 1
            && places.contains(w)
            && !named.contains(w)
            && !after_title(kb, text, s.first)
        {
            s.kind = EntityType::Location;
        }
    }
}

/// Surnames and full names of persons, each side telling the other: a
/// surname after the article's full name or titled name is that person
/// ([`surnames`]); a full name ending in a person's surname is that person
/// ([`full_names_of_persons`]); and a full name this made a person (typed
/// an organization where the tagger met it, the surname unknown to the
/// 1996 training copy and a small town in GeoNames) makes a person of the
/// surname's mentions the tagger took for a town or a company.
fn persons_by_name(kb: &Knowledge, text: &Text<'_>, spans: &mut Vec<Span>) {
    surnames(kb, text, spans);
    full_names_of_persons(kb, text, spans);
    surnames(kb, text, spans);
}

/// A name the curated lists hold as MISC (an event, a holiday, a craft:
/// "Winter Olympics", "Marine One") keeps that type when the tagger found
/// exactly its span: such names are rare in training text, and their words
/// ("Winter", "Marine") pull toward a place or an organization. So does a
/// plural nationality or faith whose singular the demonym list holds; and
/// a listed organization after "on" is no place ("on Acme Online"), nor
/// anywhere else unless GeoNames knows it as a place or it is named after
/// its seat ("White House"), nor a person unless the name may be one.
fn known_misc(kb: &Knowledge, text: &Text<'_>, spans: &mut [Span]) {
    // last words of the persons the article names in full ("Mike Roe"),
    // not counting listed organizations the tagger took for persons
    let listed_org = |s: &Span| {
        text.token_span(s.first, s.end)
            .and_then(|sp| kb.lookup(sp.text))
            .is_some_and(|e| e.known == gazetteer::Known::Entity(EntityType::Organization))
    };
    let surnames: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && s.end - s.first >= 2 && !listed_org(s))
        .map(|s| text.token_text(s.end - 1))
        .collect();
    // every word of the article's person mentions ("Roe" of "Jane Roe")
    let person_words: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person)
        .flat_map(|s| (s.first..s.end).map(|i| text.token_text(i)))
        .collect();
    for s in spans.iter_mut() {
        if s.kind == EntityType::Misc {
            continue;
        }
        let sp = text.token_span(s.first, s.end);
        let entry = sp.as_ref().and_then(|sp| kb.lookup(sp.text));
        let misc = entry.is_some_and(|e| e.known == gazetteer::Known::Entity(EntityType::Misc));
        // the plural of a nationality or faith the lists know in the
        // singular ("Muslims", "Ukrainians"), as CoNLL types it
        let plural_demonym = s.end - s.first == 1
            && entry.is_none()
            && sp.as_ref().is_some_and(|sp| {
                sp.text.strip_suffix('s').is_some_and(|one| {
                    kb.lookup(one)
                        .is_some_and(|e| e.known == gazetteer::Known::Demonym)
                })
            });
        if misc || plural_demonym || (entry.is_none() && care_nickname(kb, text, s, &person_words))
        {
            s.kind = EntityType::Misc;
        }
        // "posted on Acme Online", "On Acme, she wrote", "on its Acme
        // page", "a deal at Acme": a listed outlet, network or company after
        // "on" or "at" is no place, though places take "at" too
        let on_outlet = s.kind == EntityType::Location
            && after_on_or_at(text, s.first)
            && entry.is_some_and(|e| e.known == gazetteer::Known::Entity(EntityType::Organization));
        if on_outlet {
            s.kind = EntityType::Organization;
        }
        // A listed organization the tagger took for a person or a place,
        // where nothing says either: a company, network or armed group
        // named after no one ("Twitter has …", "ties with Al Qaeda") and
        // no place in GeoNames. A word that may be a person's name stays
        // ("Ford", a census surname; "Bloomberg" after "Mike Bloomberg"),
        // and so does one with a title before it or a speech verb after it.
        let listed_org =
            entry.is_some_and(|e| e.known == gazetteer::Known::Entity(EntityType::Organization));
        if listed_org && s.kind == EntityType::Person {
            // a surname last ("Ford", "Tom Ford"), or a lone given name
            let last = text.token_text(s.end - 1);
            let name_word = kb.is_last_name(last)
                || surnames.contains(last)
                || s.end - s.first == 1 && kb.is_first_name(last);
            let speaks = text
                .get_text(s.end)
                .is_some_and(|w| typing::SPEECH_AFTER.contains(&w))
                || s.first
                    .checked_sub(1)
                    .is_some_and(|p| typing::SPEECH_AFTER.contains(&text.token_text(p)));
            if !name_word && !speaks && !after_title(kb, text, s.first) {
                s.kind = EntityType::Organization;
            }
        }
        if listed_org && s.kind == EntityType::Location {
            // A body named after its seat ("White House", "Kremlin") is
            // the building, a place, as the training copy types it.
            let seat = SEATS.contains(&text.token_text(s.end - 1));
            // (a listed organization: its entry is no listed location)
            let place = seat || sp.as_ref().is_some_and(|sp| kb.is_known_place(sp.text));
            if !place {
                s.kind = EntityType::Organization;
            }
        }
    }
}

/// A nickname coined from a person's name and "care" for the health law or
/// programme that person signed or proposed ("Roecare" after a Governor
/// Roe) names the law, a MISC name like the acts it stands for; the tagger,
/// meeting one unknown capitalized word, mostly calls it an organization.
/// The stem must be a name: a word of a person the article mentions, or a
/// census first or last name. A company named with "care" after no one
/// ("Acmecare", "Vitacare") keeps its type.
fn care_nickname(
    kb: &Knowledge,
    text: &Text<'_>,
    s: &Span,
    person_words: &fxhash::FxHashSet<&str>,
) -> bool {
    if s.end - s.first != 1 {
        return false;
    }
    let w = text.token_text(s.first);
    let Some(stem) = w.strip_suffix("care") else {
        return false;
    };
    // "Roe" of "Roecare": a capital, then lowercase letters ("TRICARE" and
    // "ObamaCare"-like camel case aside, no stem shorter than a name)
    let mut chars = stem.chars();
    let shaped = chars.next().is_some_and(char::is_uppercase)
        && stem.chars().count() >= 3
        && chars.all(char::is_lowercase);
    shaped && (person_words.contains(stem) || kb.is_last_name(stem) || kb.is_first_name(stem))
}

/// Last words of buildings and streets whose names stand for the body
/// that sits there ("the White House said", "the Kremlin denied").
pub(crate) const SEATS: &[&str] = &[
    "House", "Kremlin", "Palace", "Capitol", "Hall", "Street", "Elysee", "Élysée",
];

/// Whether "on" comes right before token `first`, or before a determiner
/// or possessive before it ("On Acme", "on its Acme page"), or "at" comes
/// right before it ("a deal at Acme"; "at the Acme Tower" is a place).
fn after_on_or_at(text: &Text<'_>, first: usize) -> bool {
    const DETERMINERS: &[&str] = &["the", "its", "his", "her", "their", "our", "my", "your"];
    let Some(p) = first.checked_sub(1) else {
        return false;
    };
    match text.lower(p).as_ref() {
        "on" | "at" => true,
        w if DETERMINERS.contains(&w) => p.checked_sub(1).is_some_and(|q| text.lower(q) == "on"),
        _ => false,
    }
}

/// A first name before the surname of a person the article names is that
/// person, whatever the local context made of it: "Jane Roe and John Doe
/// met" can type both names as an organization, while "Roe said" elsewhere
/// is a person. Without this the person's mentions split over several
/// entities of different types.
///
/// And a given name the tagger cut off as a name of its own right before a
/// person ("Dale" a place and "Okoro" a person in "Dale Okoro", "Mitt" a
/// MISC before "Romney") is the first word of that person's name: a
/// census first name (no country, state or larger town) before a surname
/// or a two-word name, or a word no
/// list knows, typed as no person, before a one-word surname. Not a title,
/// a known place, group or adjective ("Republican Jane Roe"), nor the
/// surname of another person of the article ("the Roe Doe ticket"), nor a
/// word before a surname the article gives with another first name
/// ("Republican Roe" beside "Jane Roe"). Two such words before a person
/// with no census given name of its own join it likewise, unless the pair
/// is a country, a state or a larger town, or written alone elsewhere; a
/// person whose two words open with a census given name joins them too
/// when the article writes that person alone elsewhere ("Thant Zin" an
/// organization before "Kari Thet", and "Kari Thet" later) and no list
/// knows the pair or a word of it as a place or organization.
fn full_names_of_persons(kb: &Knowledge, text: &Text<'_>, spans: &mut Vec<Span>) {
    let surnames: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person)
        .map(|s| text.token_text(s.end - 1))
        .filter(|w| w.chars().count() > 1)
        .collect();
    let multi_surnames: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && s.end - s.first >= 2)
        .map(|s| text.token_text(s.end - 1))
        .collect();
    // first and last words of the article's longer names, of any type yet
    // (the tagger may have typed "Jane Roe" a place where it met it)
    let full: Vec<(&str, &str)> = spans
        .iter()
        .filter(|s| s.end - s.first >= 2)
        .map(|s| (text.token_text(s.first), text.token_text(s.end - 1)))
        .collect();
    let cut_given = |a: &Span, b: &Span| {
        let w = text.token_text(a.first);
        let census = kb.is_first_name(w);
        // "Republican Roe" where the article names "Jane Roe": a word
        // before her surname, not another given name; and "Citizen Jane"
        // puts a word before her given name
        let last = text.token_text(b.end - 1);
        let other_given =
            b.end - b.first == 1 && full.iter().any(|&(g, l)| l == last && g != w || g == last);
        a.end - a.first == 1
            && !other_given
            && b.first == a.end
            && b.kind == EntityType::Person
            && text.is_capitalized(a.first)
            && !text.is_all_caps(a.first)
            && text.is_capitalized(b.first)
            && !text.is_all_caps(b.first)
            && kb.title(&lower::lower(w)).is_none()
            && !kb.is_non_name(&lower::lower(w))
            && !multi_surnames.contains(w)
            && text
                .token_span(a.first, b.end)
                .is_some_and(|sp| !sp.text.contains('\n'))
            && if census {
                b.end - b.first <= 2 && contexts::may_be_person(kb, text, a.first)
            } else {
                a.kind != EntityType::Person && b.end - b.first == 1 && kb.lookup(w).is_none()
            }
    };
    // Two given words cut off before a person who has none of their own
    // ("Lin Bao" a place before "Mei Wen" a person): both capitalized, no
    // title or known non-name, no other person's surname, and the pair is
    // no country, state or larger town, nor written as a name of its own
    // anywhere else in the article ("New Haven" a place beside it is one).
    let span_text = |a: usize, b: usize| text.token_span(a, b).map(|sp| sp.text);
    let written: Vec<(usize, &str)> = spans
        .iter()
        .filter_map(|o| Some((o.first, span_text(o.first, o.end)?)))
        .collect();
    let persons_written: Vec<(usize, &str)> = spans
        .iter()
        .filter(|o| o.kind == EntityType::Person)
        .filter_map(|o| Some((o.first, span_text(o.first, o.end)?)))
        .collect();
    let cut_pair = |a: &Span, b: &Span| {
        let pair = span_text(a.first, a.end);
        let word_ok = |i: usize| {
            let w = text.token_text(i);
            let lw = lower::lower(w);
            text.is_capitalized(i)
                && !text.is_all_caps(i)
                && kb.title_or_abbreviation(&lw).is_none()
                && !kb.is_non_name(&lw)
                && !multi_surnames.contains(w)
                && !surnames.contains(w)
        };
        let place = |p: &str| {
            kb.is_country(p)
                || kb.is_us_state(p)
                || kb
                    .city_population(p)
                    .is_some_and(|n| n >= contexts::SMALL_TOWN)
        };
        let elsewhere = |p: &str| written.iter().any(|&(f, t)| f != a.first && t == p);
        // A person's two-word name that starts with a census given name
        // ("Moe Aye") may still be the end of a longer name ("Thant Zin Moe
        // Aye") when the article writes it alone as a person elsewhere, as
        // it does the short form of a long name, and no list knows the
        // words before it as a place or an organization ("Oslo", "Acme
        // Corp.": titles, "Republican" and possessives stop the pair).
        let recurs = || {
            let short = span_text(b.first, b.end);
            b.end - b.first == 2
                && short
                    .is_some_and(|t| persons_written.iter().any(|&(f, o)| f != b.first && o == t))
                && pair.is_some_and(|p| kb.lookup(p).is_none())
                && (a.first..a.end).all(|i| contexts::may_be_person(kb, text, i))
        };
        a.end - a.first == 2
            && a.kind != EntityType::Person
            && b.first == a.end
            && b.kind == EntityType::Person
            && (1..=2).contains(&(b.end - b.first))
            && text.is_capitalized(b.first)
            && !text.is_all_caps(b.first)
            && (!kb.is_first_name(text.token_text(b.first)) || recurs())
            && (a.first..a.end).all(word_ok)
            && pair.is_some_and(|p| !place(p) && !elsewhere(p))
            && span_text(a.first, b.end).is_some_and(|sp| !sp.contains('\n'))
    };
    let cut_given = |a: &Span, b: &Span| cut_given(a, b) || cut_pair(a, b);
    if spans.windows(2).any(|p| cut_given(&p[0], &p[1])) {
        let mut out: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans.drain(..) {
            if let Some(prev) = out.last_mut() {
                if cut_given(prev, &s) {
                    prev.end = s.end;
                    prev.kind = EntityType::Person;
                    continue;
                }
            }
            out.push(s);
        }
        *spans = out;
    }
    for s in spans.iter_mut() {
        let len = s.end - s.first;
        // The given names: capitalized words that no list knows as a place
        // or organization ("Jane", "Barack"; not "New", "Acme Bank").
        let given = (s.first..s.end - 1).all(|i| {
            let w = text.token_text(i);
            text.is_capitalized(i)
                && !text.is_all_caps(i)
                && (kb.is_first_name(w) || kb.lookup(w).is_none())
        });
        if s.kind != EntityType::Person
            && (2..=3).contains(&len)
            && given
            && surnames.contains(text.token_text(s.end - 1))
        {
            s.kind = EntityType::Person;
        }
    }
}

/// Two surnames joined by a hyphen, of two persons the article names apart
/// ("the Roe-Doe race", "a Poe-Roe ticket"), are no person: the compound
/// names a pairing of them, as "Franco-German" names no country. It is
/// MISC, and joins neither person. A double-barrelled surname ("Ann
/// Roe-Doe") is never written apart as two persons.
fn paired_surnames(text: &Text<'_>, spans: &mut [Span]) {
    let surname = |s: &Span| text.token_text(s.end - 1);
    let pair = |s: &Span| {
        s.end - s.first == 3
            && s.kind == EntityType::Person
            && matches!(text.token_text(s.first + 1), "-" | "–")
            && !text.tokens()[s.first + 1].space_before
            && !text.tokens()[s.first + 2].space_before
    };
    if !spans.iter().any(pair) {
        return;
    }
    let persons: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && !pair(s))
        .map(surname)
        .collect();
    // the compound that ends a full name the article gives ("Ann
    // Roe-Doe") is her double-barrelled surname, even where the tagger
    // split it into two persons elsewhere ("Ms. Roe" and "Doe")
    let barrelled: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && s.end - s.first >= 4)
        .filter(|s| {
            pair(&Span {
                first: s.end - 3,
                end: s.end,
                kind: s.kind,
            })
        })
        .filter_map(|s| Some(text.token_span(s.end - 3, s.end)?.text))
        .collect();
    for s in spans.iter_mut() {
        let double_barrelled = || {
            text.token_span(s.first, s.end)
                .is_some_and(|sp| barrelled.contains(sp.text))
        };
        if pair(s)
            && !double_barrelled()
            && persons.contains(text.token_text(s.first))
            && persons.contains(text.token_text(s.first + 2))
        {
            s.kind = EntityType::Misc;
        }
    }
}

/// Kinship nouns: a closed class of English, not a list of names.
pub(crate) const KINSHIP: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "father",
    "mother",
    "brother",
    "sister",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "cousin",
    "stepson",
    "stepdaughter",
    "stepfather",
    "stepmother",
    "fiancé",
    "fiancée",
    "widow",
    "widower",
    "sons",
    "daughters",
    "grandchildren",
];

/// A name right after a kinship noun is a person: "her nephew Austin",
/// "his wife Victoria" (the tagger reads a lone first name that is also a
/// place as the place).
fn kin(text: &Text<'_>, spans: &mut [Span]) {
    for s in spans.iter_mut() {
        let Some(p) = s.first.checked_sub(1) else {
            continue;
        };
        let w = text.token_text(p);
        if s.kind != EntityType::Person
            && s.end - s.first <= 3
            && !text.is_capitalized(p)
            && KINSHIP.contains(&w)
        {
            s.kind = EntityType::Person;
        }
    }
}

/// Words after which a name ends a place phrase or an appositive ("in
/// Smalltown", "Jo Poe, a broker in Tampa"), not a subject.
const PLACE_BEFORE: &[&str] = &[
    "in",
    "at",
    "from",
    "of",
    "near",
    "to",
    "on",
    "for",
    "into",
    "across",
    "outside",
    "around",
    "throughout",
    ",",
    "'s",
    "’s",
    "(",
];

/// A name the tagger took for a place, an organization or a MISC name is a person when
/// the words after it describe one: ", who" ("Tamsin, who won the award,
/// said …"), or an appositive headed by a person's role noun ("Bram Oduya,
/// the county's fire chief, said", "Oduya, a spokeswoman for the agency";
/// [`typing::role_apposition`]). English places take "which" or "where",
/// and a place has no chief or spokeswoman of its own in apposition. A
/// place the lists know keeps its type, since a country or city stands for
/// its team on the sports pages ("Spain, who lost 2-1"), and so does a
/// country, US state or larger town. Not after a preposition, a comma or a
/// possessive: there the place ends an appositive and "who" is its
/// person's ("Jo Poe, a broker in Tampa, Fla., who …", "an analyst at
/// Acme, who …").
///
/// An organization or other name needs a person's shape besides, as
/// companies and teams take "who" too ("Harbor United, who lost"), and an
/// award or a book is no person: two or three capitalized
/// words, a census given name first, a census surname last or no word any
/// list knows ("Bram Oduya"), no organization head and no listed name; a
/// generational suffix after them ("Tom Roe III") does not count. It runs before [`persons_by_name`], so the surname's
/// other mentions follow the full name it makes a person.
fn who_follows(kb: &Knowledge, text: &Text<'_>, spans: &mut [Span]) {
    for s in spans.iter_mut() {
        if s.kind == EntityType::Person
            || s.end + 1 >= text.tokens().len()
            || text.token_text(s.end) != ","
            || s.first
                .checked_sub(1)
                .is_some_and(|p| PLACE_BEFORE.contains(&text.lower(p).as_ref()))
        {
            continue;
        }
        let who = text.lower(s.end + 1) == "who";
        if !who && !typing::role_apposition(kb, text, s.end + 1) {
            continue;
        }
        let Some(sp) = text.token_span(s.first, s.end) else {
            continue;
        };
        let entry = kb.lookup(sp.text).map(|e| e.known);
        let person = match s.kind {
            EntityType::Location => {
                let listed = entry == Some(gazetteer::Known::Entity(EntityType::Location));
                // "Jo Poe, R-Ariz., who …": a state's abbreviation ends a party tag
                let state = states::state_in_tag(text, s.first, s.end).is_some();
                // the ", who" rule always let unlisted places go; an
                // appositive also keeps a country, state or larger town
                // ("Dover, the state capital" has no role noun, but "Ohio,
                // the governor's home" must not turn on a stray one)
                let big = kb.is_country(sp.text)
                    || kb.is_us_state(sp.text)
                    || kb
                        .city_population(sp.text)
                        .is_some_and(|n| n >= contexts::SMALL_TOWN);
                !listed && !state && (who || !big)
            }
            _ => {
                // the name without a generational suffix ("Tom Roe III",
                // "Tom Roe Jr.")
                let mut end = s.end;
                if end - s.first > 2 && text.token_text(end - 1) == "." {
                    end -= 1;
                }
                if end - s.first > 2 && grouping::is_suffix(text.token_text(end - 1)) {
                    end -= 1;
                }
                let n = end - s.first;
                // "Roman Catholics, the pope of …": a nationality or faith
                // in the plural names a people, not a person
                let last = text.token_text(end - 1);
                let people = last.strip_suffix('s').is_some_and(|one| {
                    kb.lookup(one)
                        .is_some_and(|e| e.known == gazetteer::Known::Demonym)
                });
                let shaped = !people
                    && (s.first..end).all(|i| {
                        text.is_capitalized(i)
                            && !text.is_all_caps(i)
                            && !kb.is_org_head(text.token_text(i))
                    });
                (2..=3).contains(&n)
                    && shaped
                    && (entry.is_none()
                        || entry == Some(gazetteer::Known::Entity(EntityType::Person)))
                    && (kb.is_first_name(text.token_text(s.first))
                        || kb.is_last_name(text.token_text(end - 1))
                        || (s.first..end).all(|i| kb.lookup(text.token_text(i)).is_none()))
            }
        };
        if person {
            s.kind = EntityType::Person;
        }
    }
}

/// A tagged span as a mention for grouping: its canonical name from the
/// gazetteer, and the role the rules found before it when it is a person.
fn tagged_raw(kb: &Knowledge, text: &Text<'_>, ruled: &[Raw], s: Span) -> Raw {
    let same = ruled.iter().find(|r| r.first == s.first && r.end == s.end);
    let role = if s.kind == EntityType::Person {
        ruled
            .iter()
            .filter(|r| r.first < s.end && s.first < r.end)
            .find_map(|r| r.role)
            .filter(|&(_, b)| b <= s.first)
    } else {
        None
    };
    let known = text
        .token_span(s.first, s.end)
        .and_then(|sp| kb.lookup(sp.text));
    let canonical = same
        .and_then(|r| r.canonical.clone())
        .or_else(|| known.and_then(|e| e.canonical.as_deref().map(str::to_string)))
        .or_else(|| {
            // "Calif." is California
            (s.kind == EntityType::Location)
                .then(|| states::state_in_tag(text, s.first, s.end))
                .flatten()
                .map(str::to_string)
        });
    Raw {
        first: s.first,
        end: s.end,
        kind: Some(s.kind),
        // A name the gazetteers do not know may still take its type from
        // the name it abbreviates (`acronyms`).
        strong: known.is_some() || s.end - s.first > 1,
        role,
        canonical,
        modifier: same.is_some_and(|r| r.modifier),
        hidden: false,
    }
}

/// "reported by The Daily Planet": a capitalized "The" after a word of the
/// same sentence is part of the organization name it precedes (at a
/// sentence start it is only capitalized).
fn attach_the_mid(text: &Text<'_>, raws: &mut [Raw]) {
    for r in raws.iter_mut() {
        let Some(p) = r.first.checked_sub(1) else {
            continue;
        };
        if r.kind == Some(EntityType::Organization)
            && text.token_text(p) == "The"
            && !text.is_sentence_start(p)
            && p.checked_sub(1).is_some_and(|q| {
                text.tokens()[q].kind == crate::text::TokenKind::Word
                    && text.tokens()[q].sentence == text.tokens()[p].sentence
            })
        {
            r.first = p;
        }
    }
}

/// Name words of tokens `first..end` (punctuation and a leading "The" left
/// out), as grouping compares them.
fn name_words<'a>(text: &Text<'a>, first: usize, end: usize) -> Vec<&'a str> {
    let first = if end - first > 1 && text.token_text(first) == "The" {
        first + 1
    } else {
        first
    };
    (first..end)
        .map(|i| text.token_text(i))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// An acronym the gazetteer does not know takes the type of the name it
/// abbreviates in the same article: "WWDC" after "Worldwide Developers
/// Conference" is an event, not a company. Right after a name in
/// parentheses it may spell only the name's last words ("iPhone Software
/// Development Kit (SDK)"), and joins that name.
fn acronyms(text: &Text<'_>, raws: &mut [Raw]) {
    let longs: Vec<(usize, usize, EntityType, Vec<&str>)> = raws
        .iter()
        .filter(|r| r.end - r.first >= 2 && r.strong && r.canonical.is_none())
        .filter_map(|r| Some((r.first, r.end, r.kind?, name_words(text, r.first, r.end))))
        .collect();
    for r in raws.iter_mut() {
        if r.end - r.first != 1 || r.modifier {
            continue;
        }
        let acr = text.token_text(r.first);
        if !text.is_all_caps(r.first) {
            continue;
        }
        // "(SDK)" right after a name.
        let paren = r.first >= 2
            && text.get_text(r.first - 1) == Some("(")
            && text.get_text(r.end) == Some(")");
        if paren {
            if let Some((_, _, kind, ws)) = longs.iter().find(|l| l.1 + 1 == r.first) {
                let spelled = (0..ws.len().saturating_sub(1))
                    .any(|k| grouping::is_acronym_of(acr, ws.get(k..).unwrap_or_default()));
                if spelled {
                    // Joins the full name, even when it spells only its last words.
                    r.kind = Some(*kind);
                    r.strong = true;
                    r.canonical = Some(ws.join(" "));
                    continue;
                }
            }
        }
        if r.strong {
            continue;
        }
        let kinds: Vec<EntityType> = longs
            .iter()
            .filter(|l| grouping::is_acronym_of(acr, &l.3))
            .map(|l| l.2)
            .collect();
        if let Some(&k) = kinds.first() {
            if kinds.iter().all(|&x| x == k) {
                r.kind = Some(k);
                r.strong = true;
            }
        }
    }
}

/// Lowercase role phrases ("the treasury secretary", "the president") that
/// do not precede a name: candidates for references.
fn lowercase_roles(kb: &Knowledge, text: &Text<'_>, roles: &mut Vec<RolePhrase>) {
    let n = text.tokens().len();
    let mut i = 0;
    while i < n {
        if !text.token_text(i).eq_ignore_ascii_case("the") {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut head = None;
        while j < n && j <= i + 4 {
            let lw = lower::lower(text.token_text(j));
            if kb.title(&lw) == Some(false) {
                head = Some(j);
                j += 1;
                continue;
            }
            if head.is_none()
                && (kb.is_title_modifier(&lw)
                    || text.is_capitalized(j)
                    || kb.lookup(text.token_text(j)).is_some())
            {
                j += 1;
                continue;
            }
            break;
        }
        if let Some(h) = head {
            let end = h + 1;
            let before_name = candidates::namey(text, end);
            if !before_name && !roles.iter().any(|r| r.first <= h && h < r.end) {
                roles.push(RolePhrase { first: i, end });
            }
            i = end;
        } else {
            i += 1;
        }
    }
    roles.sort_by_key(|r| r.first);
}

impl Default for EntitiesStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for EntitiesStage {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn apply(&self, doc: &Document<'_>, out: &mut Enrichment) {
        out.entities = self.extract_with_dates(&doc.text, &out.dates);
    }
}

#[cfg(test)]
mod tests;
