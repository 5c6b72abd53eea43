//! Speaker resolution: from the noun phrase at a cue to the mention nearest
//! the cue and a canonical name (and entity id).
//!
//! [`Resolver::resolve`] generates the candidates of one cue and
//! [`super::choice`] scores them:
//! - the cue's subject: an entity mention or reference at its head, or for a
//!   capitalized name without entities the fullest capitalized name of the
//!   article ending with the same word (titles stripped); else the phrase as
//!   written (a pronoun, a group or source: "many critics", "a draft of the
//!   report");
//! - for a role phrase, a name in apposition to it and the entity holding
//!   the role ("the secretary");
//! - for pronouns and role phrases, the latest compatible previous speaker
//!   and the nearest compatible mentions (animacy, number and gender agree;
//!   never a name inside a quotation).

use std::collections::{HashMap, HashSet};

use super::choice::{self, Choice, Features, Source};
use super::is_dot_of_initial;
use super::lexicon;
use super::phrase::{Range, View};
use crate::enrich::entities::grouping::{first_name_gender, name_gender, Gender};
use crate::enrich::parties;
use crate::event::{Entity, EntityType, Speaker};
use crate::text::TokenKind;

/// Whether a speaker is a person, an organisation/group, or unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Animacy {
    /// A person (he/she).
    Person,
    /// An organisation or a source (it).
    Org,
    /// A group of people or sources (they).
    Group,
    /// Not known.
    Unknown,
}

/// A resolved speaker, with what pronoun resolution needs later.
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The contract's speaker.
    pub speaker: Speaker,
    /// Person, org or group.
    pub animacy: Animacy,
    /// The speaker's gender when known ([`Choice::gender`]).
    pub gender: Option<Gender>,
    /// Token position of the mention.
    pub at: usize,
}

/// A person a description fits ([`Resolver::role_holders`]): how many of
/// its modifiers fit, whether the role is current (not "former"), the
/// token of the linked mention and the entity.
type Holder = (usize, bool, usize, usize);

/// How far [`Resolver::role_holders`] looks for the people a description
/// fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach {
    /// Names in the sentences before the phrase.
    Near,
    /// Names anywhere in the article; only one person may fit.
    Article,
    /// As `Article`, for a phrase set with "a" or "an": only an office one
    /// person holds, or a role every word of which fits the name.
    Indefinite,
}

/// A capitalized name run of the article (fallback when no entities).
#[derive(Clone, Debug)]
struct NameRun {
    /// Tokens, titles stripped.
    range: Range,
    /// Last word, lowercased: the key for short forms.
    last: String,
    /// Person, org, or unknown.
    animacy: Animacy,
    /// Whether it stands as a sentence subject (start of sentence or clause).
    subject: bool,
}

/// Resolves speakers for one article.
pub struct Resolver<'e> {
    /// The entities of the article (possibly empty).
    entities: &'e [Entity],
    /// (start, end, entity index, is a name mention) over code points, sorted.
    spans: Vec<(usize, usize, usize, bool)>,
    /// Capitalized runs, in order.
    names: Vec<NameRun>,
    /// Indices into `names` by last word (a few per word, longest first
    /// seen per length): short forms find their full name in O(1).
    by_last: HashMap<String, Vec<usize>>,
    /// The first person name of two or three words opening with a given
    /// word ("Jane" -> "Jane Roe").
    by_first: HashMap<String, usize>,
    /// Entity index by the last word of each of its roles ("secretary"),
    /// `None` when two people hold it.
    by_role: HashMap<String, Option<usize>>,
    /// Speakers resolved so far, in order.
    history: Vec<Resolved>,
    /// The gender of each entity, when its name or the article says it.
    genders: Vec<Option<Gender>>,
    /// Whether each entity is a family named in the plural ([`family`]):
    /// asked for every candidate of every "he" and "she".
    families: Vec<bool>,
    /// The name each entity speaks under ([`full_name`]).
    full_names: Vec<String>,
    /// Entity index by id.
    by_id: HashMap<&'e str, usize>,
    /// The content of the quote being resolved ([`Resolver::quoting`]).
    content: Option<Range>,
}

impl<'e> Resolver<'e> {
    /// Name `speaker` after entity `ei` and return the animacy its type implies.
    fn adopt_entity(&self, ei: usize, speaker: &mut Speaker) -> Animacy {
        let e = &self.entities[ei];
        speaker.name = self.full_name(ei);
        speaker.entity = Some(e.id.clone());
        // "the Office of Roads and Bridges said": the subject scan stops at
        // the name's inner "and"; the speaker's mention is the whole name
        if let Some(m) = e.mentions.iter().find(|m| {
            m.end == speaker.end && m.start < speaker.start && m.text.ends_with(&speaker.text)
        }) {
            speaker.text = m.text.clone();
            speaker.start = m.start;
        }
        match e.kind {
            EntityType::Person => Animacy::Person,
            _ => Animacy::Org,
        }
    }

    /// The name entity `ei` speaks under.
    fn full_name(&self, ei: usize) -> String {
        self.full_names
            .get(ei)
            .cloned()
            .unwrap_or_else(|| self.entities[ei].name.clone())
    }

    /// Prepare lookups for `v`'s text and `entities`.
    pub fn new(v: &View<'_, '_>, entities: &'e [Entity]) -> Self {
        let mut spans = Vec::new();
        for (ei, e) in entities.iter().enumerate() {
            for m in &e.mentions {
                spans.push((m.start, m.end, ei, true));
            }
            for m in &e.references {
                spans.push((m.start, m.end, ei, false));
            }
        }
        spans.sort_unstable();
        let names = name_runs(v);
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            let list = by_last.entry(n.last.clone()).or_default();
            let len = n.range.end - n.range.first;
            if list.len() < 8
                && !list
                    .iter()
                    .any(|&j| names[j].range.end - names[j].range.first == len)
            {
                list.push(i);
            }
        }
        let mut by_first = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            let len = n.range.end - n.range.first;
            if (2..=3).contains(&len) && n.animacy == Animacy::Person {
                by_first.entry(v.s(n.range.first).to_string()).or_insert(i);
            }
        }
        let mut by_role = HashMap::new();
        for (ei, e) in entities.iter().enumerate() {
            for r in &e.roles {
                if let Some(last) = r.split_whitespace().next_back() {
                    // two holders of a role: the role alone names neither
                    by_role
                        .entry(crate::text::lowercase(last).into_owned())
                        .and_modify(|h: &mut Option<usize>| {
                            if *h != Some(ei) {
                                *h = None;
                            }
                        })
                        .or_insert(Some(ei));
                }
            }
        }
        let families = (0..entities.len()).map(|ei| family(entities, ei)).collect();
        let full_names: Vec<String> = (0..entities.len())
            .map(|ei| full_name(v, entities, ei))
            .collect();
        // a one-word person whose full name the tagger kept apart ("Roe"
        // and "Jane Roe") has the full name's gender
        let genders = entities
            .iter()
            .zip(&full_names)
            .map(|(e, full)| entity_gender(v, e, full))
            .collect();
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        Resolver {
            entities,
            spans,
            names,
            by_last,
            by_first,
            by_role,
            history: Vec::new(),
            genders,
            families,
            full_names,
            by_id,
            content: None,
        }
    }

    /// Set the content of the quote whose speaker is resolved next: a name
    /// inside it is most often spoken about, not speaking, whether or not
    /// marks enclose it ("Also, Roe is no conservative, he said.").
    pub fn quoting(&mut self, content: Range) {
        self.content = Some(content);
    }

    /// Whether token `k` stands inside a quotation or the content being
    /// resolved: an earlier "he" there is someone spoken about.
    fn spoken_about(&self, v: &View<'_, '_>, k: usize) -> bool {
        v.in_quote(k) || self.content.is_some_and(|c| c.first <= k && k < c.end)
    }

    /// The gender of entity `ei`, if known.
    fn gender(&self, ei: usize) -> Option<Gender> {
        self.genders.get(ei).copied().flatten()
    }

    /// Whether the word at `k` ends or opens a longer capitalized name
    /// elsewhere in the article ("Roe" of "Jane Roe").
    fn in_longer_name(&self, v: &View<'_, '_>, k: usize) -> bool {
        let low = v.low(k);
        let ends = self.by_last.get(low.as_ref()).is_some_and(|l| {
            l.iter().any(|&i| {
                self.names
                    .get(i)
                    .is_some_and(|n| n.range.end - n.range.first > 1)
            })
        });
        ends || self.by_first.contains_key(v.s(k))
    }

    /// A lone capitalized word opening a sentence that is a word of the
    /// sentence's grammar rather than a name: a participle or gerund
    /// ("Having …"), a function word ("Or", "There", "One"), a unit of
    /// time ("Hours after …"), an adverb ("Clearly"). Unless the entity
    /// stage or the article's names make it one ("Manning", "Sterling").
    fn opener_not_a_name(&self, v: &View<'_, '_>, mention: Range) -> bool {
        if mention.end != mention.first + 1 || !v.text.is_sentence_start(mention.first) {
            return false;
        }
        let k = mention.first;
        let w = v.low(k);
        if !v.cap(k) || v.text.is_all_caps(k) || lexicon::is_subject_pronoun(&w) {
            return false;
        }
        let grammar = lexicon::is_ing(&w)
            || w.len() > 4 && w.ends_with("ly")
            || lexicon::is_pure_determiner(&w)
            || lexicon::is_left_barrier(&w)
            || lexicon::is_sentence_adverb(&w)
            || lexicon::is_focus_adverb(&w)
            || lexicon::is_wh(&w)
            || matches!(w.as_ref(), "there" | "here")
            || crate::enrich::dates::lexicon::unit(&w).is_some()
            || lexicon::is_time_word(&w);
        grammar
            && self.entity_at_head(v, mention).is_none()
            && !self.in_longer_name(v, k)
            && first_name_gender(v.s(k)).is_none()
    }

    /// A mention that is one number ("475 delegates will be at stake",
    /// "those over 60 say"), or one month or weekday name that no entity
    /// or longer name makes a person's ("her March comment that", "a
    /// report Tuesday from …"): a quantity or a date says nothing of who.
    fn date_or_number(&self, v: &View<'_, '_>, mention: Range) -> bool {
        if mention.end != mention.first + 1 {
            return false;
        }
        let k = mention.first;
        if v.kind(k) == Some(TokenKind::Number) {
            return true;
        }
        v.is_month_or_weekday(k)
            && self.entity_at_head(v, mention).is_none()
            && !self.in_longer_name(v, k)
    }

    /// A place closing an address ("a church in Elizabeth, Colorado,
    /// slammed …"): the scan for the subject stopped inside a longer
    /// phrase, and a state after its town speaks for nobody.
    fn address_part(&self, v: &View<'_, '_>, mention: Range) -> bool {
        // the town before the comma follows "of", "from" or "in"
        let town_after_preposition = || {
            let mut k = mention.first - 1;
            while k > 0 && mention.first - k < 5 && (v.cap(k - 1) || v.s(k - 1) == ".") {
                k -= 1;
            }
            k > 0 && matches!(v.low(k - 1).as_ref(), "of" | "from" | "in")
        };
        mention.first >= 2
            && v.s(mention.first - 1) == ","
            && v.is_word(mention.first - 2)
            && v.cap(mention.first - 2)
            && town_after_preposition()
            && self
                .entity_at_head(v, mention)
                .is_some_and(|ei| self.entities[ei].kind == EntityType::Location)
    }

    /// The phrase that speaks when the cue's subject scan ended on a place
    /// that only says where someone is from or went (a LOCATION entity):
    /// - inside the subject, after a preposition ("the senator from
    ///   Maine"): the head before the preposition;
    /// - after a preposition ending a clause about a person ("Dana Ruiz,
    ///   31, from Portland, who said", "Mark Olsen, who flew to Augusta,
    ///   Maine, said") or modifying a description of one ("Carl Webb, a
    ///   Bangor, Maine, lawyer, said"): the nearest person named before it
    ///   in the sentence;
    /// - a dateline in capitals opening the sentence ("AUGUSTA, Maine —
    ///   Sen. Tom Hale weighed in, calling …"): the name after the dash.
    ///
    /// A place standing alone as the subject ("Paris said", a government
    /// by its capital) is left to speak, and so is the object of
    /// "according to".
    fn place_stands_for(&self, v: &View<'_, '_>, np: Range, mention: Range) -> Option<Range> {
        let ei = self.entity_at_head(v, mention)?;
        if self.entities[ei].kind != EntityType::Location || v.in_quote(mention.first) {
            return None;
        }
        let sent = v.sentence(mention.first);
        if mention.first == sent.first && v.text.is_all_caps(mention.first) {
            return self.after_dateline(v, mention, sent);
        }
        // the town before "Town, State"
        let mut lead = mention.first;
        if lead >= 2 && v.s(lead - 1) == "," && v.cap(lead - 2) {
            let mut k = lead - 2;
            while k > sent.first && lead - 1 - k < 4 && v.cap(k - 1) {
                k -= 1;
            }
            lead = k;
        }
        let prep = lead.checked_sub(1).filter(|&p| p >= sent.first)?;
        let w = v.low(prep);
        // "Carl Webb, a Bangor, Maine, lawyer,": the place modifies a
        // description of the person
        let described = matches!(w.as_ref(), "a" | "an");
        if !(described
            || lexicon::is_np_preposition(&w)
            || matches!(w.as_ref(), "to" | "near" | "on"))
        {
            return None;
        }
        // "according to Gallup": the place (or the source the tagger
        // took for one) is the cue's own source
        if w == "to" && prep > sent.first && v.low(prep - 1) == "according" {
            return None;
        }
        if prep > np.first && !described {
            return Some(Range {
                first: np.first,
                end: prep,
            });
        }
        self.person_before(v, sent.first, prep)
    }

    /// The name after the dash of a dateline opening sentence `sent` at
    /// `place` ("AUGUSTA, Maine (Wire) — Sen. Tom Hale …").
    fn after_dateline(&self, v: &View<'_, '_>, place: Range, sent: Range) -> Option<Range> {
        let dash = (place.end..sent.end.min(place.end + 12))
            .find(|&k| matches!(v.s(k), "—" | "–" | "-" | "--"))?;
        let first = dash + 1;
        let mut end = first;
        while end < sent.end
            && end - first < 6
            && (v.cap(end) || is_dot_of_initial(v, end) || v.s(end) == ".")
        {
            end += 1;
        }
        while end > first && v.s(end - 1) == "." {
            end -= 1;
        }
        let r = strip_titles(v, Range { first, end });
        let ei = self.entity_at_head(v, r)?;
        (self.entities[ei].kind != EntityType::Location).then_some(r)
    }

    /// The nearest PERSON mention in `first..end` outside quotations that
    /// can be a subject, when the words up to `end` describe it.
    fn person_before(&self, v: &View<'_, '_>, first: usize, end: usize) -> Option<Range> {
        let toks = v.text.tokens();
        let lo = toks.get(first)?.cstart as usize;
        let hi = toks.get(end)?.cstart as usize;
        let tok_of = |c: usize| toks.partition_point(|t| (t.cstart as usize) < c);
        let idx = self.spans.partition_point(|s| s.0 < hi);
        self.spans[idx.saturating_sub(64)..idx]
            .iter()
            .rev()
            .filter(|s| s.0 >= lo && s.1 <= hi && s.3)
            .filter(|s| self.entities[s.2].kind == EntityType::Person)
            .map(|s| Range {
                first: tok_of(s.0),
                end: tok_of(s.1),
            })
            .find(|r| r.end > r.first && !v.in_quote(r.first) && self.may_be_subject(v, *r))
            .filter(|r| describes(v, *r, end))
    }

    /// The person named last in a phrase that opens its sentence with a
    /// preposition the writer did not close with a comma: "In a 2012 talk
    /// with the Tribune's editors Jane Roe said …" (the subject scan runs
    /// through the whole adverbial). The person's mention must end the
    /// phrase, right before the cue, and something must stand before it.
    fn subject_after_fronted_phrase(&self, v: &View<'_, '_>, np: Range) -> Option<Range> {
        let open = v.sentence(np.first).first;
        if !(v.is_word(open) && v.cap(open) && lexicon::is_np_preposition(&v.low(open)))
            || (open..np.end).any(|k| v.s(k) == ",")
        {
            return None;
        }
        let person_at = |k: usize| {
            let t = v.text.tokens().get(k)?;
            self.entity_at(t.cstart as usize, t.cend as usize, usize::MAX)
                .filter(|&ei| self.entities[ei].kind == EntityType::Person)
        };
        let last = np.end.checked_sub(1)?;
        let ei = person_at(last)?;
        let mut first = last;
        while first > np.first && v.cap(first - 1) && person_at(first - 1) == Some(ei) {
            first -= 1;
        }
        (first > np.first + 1 && v.cap(first)).then_some(Range { first, end: np.end })
    }

    /// Whether the name at `r` can be a clause's subject: not a possessive
    /// ("from Mrs. Roe's house"), a preposition's object ("about Jane
    /// Roe", "with Roe yelling") nor a noun's modifier ("at a Roe rally").
    fn may_be_subject(&self, v: &View<'_, '_>, r: Range) -> bool {
        let possessive = v.is_possessive(r.end);
        let object = word_before_titles(v, r.first).is_some_and(|k| {
            let w = v.low(k);
            lexicon::is_np_preposition(&w)
                || lexicon::is_pure_determiner(&w)
                || matches!(
                    w.as_ref(),
                    "to" | "on" | "about" | "by" | "against" | "over" | "into"
                )
        });
        !possessive && !object
    }

    /// The speaker of a quotation without a cue at token `here` that may
    /// continue `prev`, the speaker of the statement whose sentence starts
    /// at `prev_at`: the previous speaker is the one candidate, and only
    /// within the last few sentences (further back, a quotation is more
    /// often someone's not introduced than the old speaker's).
    pub fn continuing(
        &self,
        v: &View<'_, '_>,
        prev_at: usize,
        here: usize,
        prev: &Resolved,
    ) -> Option<Resolved> {
        const MAX_BACK: u32 = 3;
        let sent_of = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.sentence);
        let back = sent_of(here).saturating_sub(sent_of(prev_at));
        let mut choices = Vec::new();
        if back <= MAX_BACK {
            // a quotation is one person's words: after a group that names
            // one member ("a chorus of senators, among them Jane Roe,
            // said …"), it is that member's
            let member = (prev.animacy != Animacy::Person)
                .then(|| self.named_member(v, prev.at))
                .flatten();
            let speaker = match member {
                Some(ei) => Speaker {
                    name: self.full_name(ei),
                    entity: Some(self.entities[ei].id.clone()),
                    ..prev.speaker.clone()
                },
                None => prev.speaker.clone(),
            };
            choices.push(Choice {
                source: Source::PreviousSpeaker,
                speaker,
                animacy: prev.animacy,
                gender: prev.gender,
                features: Features {
                    named: true,
                    sentences_back: back,
                    ..Features::default()
                },
            });
        }
        choice::best(choices).map(|c| Resolved {
            speaker: c.speaker,
            animacy: c.animacy,
            gender: c.gender,
            at: prev.at,
        })
    }

    /// The one person a group phrase at token `at` names as its member:
    /// "among them Jane Roe", "including Jane Roe" right after the head,
    /// before the phrase's verb ("a chorus of senators, among them Sen.
    /// Jane Roe, said"). `None` when it names none or several.
    fn named_member(&self, v: &View<'_, '_>, at: usize) -> Option<usize> {
        let sent = v.sentence(at);
        let intro = (at..sent.end.min(at + 12)).find(|&k| {
            matches!(v.low(k).as_ref(), "among" | "including")
                && !(at..k).any(|j| v.verbish(j) || v.irregular_past(j) || v.cue_at(j).is_some())
        })?;
        let mut found = None;
        for k in intro + 1..sent.end.min(intro + 8) {
            if v.verbish(k) || v.irregular_past(k) || v.cue_at(k).is_some() {
                break;
            }
            let t = v.text.tokens().get(k)?;
            if let Some(ei) = self.entity_at(t.cstart as usize, t.cend as usize, usize::MAX) {
                if self.entities[ei].kind == EntityType::Person {
                    if found.is_some_and(|f| f != ei) {
                        return None;
                    }
                    found = Some(ei);
                }
            } else if v.low(k) == "and" {
                return None;
            }
        }
        found
    }

    /// Record a speaker reused for a continuation quote.
    pub fn push(&mut self, r: Resolved) {
        self.history.push(r);
    }

    /// Resolve the noun phrase `np` at a cue: generate the candidates
    /// ([`choice`]) and keep the best scored.
    pub fn resolve(&mut self, v: &View<'_, '_>, np: Range) -> Option<Resolved> {
        let np = trim_phrase(v, np)?;
        let mut mention = mention_in(v, np);
        // "Roe doesn't have …": a negated auxiliary right after a name is
        // the name's verb, the name ends before it
        if let Some(neg) = (mention.first + 1..mention.end).find(|&k| {
            let w = v.low(k);
            w.ends_with("n't") || w.ends_with("n’t")
        }) {
            if (mention.first..neg).all(|k| v.cap(k) || is_dot_of_initial(v, k)) {
                mention.end = neg;
            }
        }
        // a capitalized first word of a sentence that the entity tagger did
        // not take for a name ("Nearly half of them say") opens a phrase
        if !self.entities.is_empty()
            && mention.end == mention.first + 1
            && mention.first == np.first
            && np.end > mention.end
            && v.text.is_sentence_start(mention.first)
            && !lexicon::is_subject_pronoun(&v.low(mention.first))
            && !lexicon::is_title(&v.low(mention.first))
            && (mention.end..np.end).all(|k| !v.cap(k))
            && self.entity_at_head(v, mention).is_none()
            && !self.in_longer_name(v, mention.first)
        {
            mention = np;
        }
        // "Inside the hall, Roe said", "Absent a deal, voters may
        // conclude": a phrase opening the sentence with a preposition or
        // a connective says where, when or on what terms; the subject
        // follows its comma. Without a comma a subordinator is cut off
        // ("As the Ledger put it"); another word may be an adjective
        // ("Outside experts say").
        if opens_with_adverbial(v, np) {
            if let Some(comma) = (np.first + 1..np.end + 1).find(|&k| v.s(k) == ",") {
                let sent = v.sentence(np.first);
                let subject = v.np_rightward(comma + 1, sent.end)?;
                return self.resolve(v, subject);
            }
            if lexicon::is_subordinator(&v.low(np.first)) {
                return self.resolve(
                    v,
                    Range {
                        first: np.first + 1,
                        end: np.end,
                    },
                );
            }
        }
        if let Some(name) = self.subject_after_fronted_phrase(v, np) {
            return self.resolve(v, name);
        }
        // "a leaflet on parking says": the object of a preposition is no
        // subject; the noun phrase before the preposition is, with it.
        // Where a verb stands before it ("an aide she met on tour said")
        // the phrase is out of this scan's reach, and names nobody.
        if preposition_object(v, np, mention) {
            let prep = mention.first - 1;
            let before = v.np_leftward(prep, v.sentence(prep).first);
            return before
                .filter(|r| r.end == prep && r.end > r.first && !v.verbish(prep - 1))
                .and_then(|r| {
                    self.resolve(
                        v,
                        Range {
                            first: r.first,
                            end: np.end,
                        },
                    )
                });
        }
        // "Jane Roe, 58, who lives in Dover, says": the age speaks for
        // the name before it
        if let Some(name) = name_before_age(v, np) {
            return self.resolve(v, name);
        }
        // "Six in 10 voters said", "about four in 10 say": the share is
        // the speaker, not its first or last number
        if let Some(share) = share_phrase(v, np, mention) {
            mention = share;
        }
        // "said one unaligned Ohio strategist": the scan stopped at the
        // quantity; its noun follows
        let mut np = np;
        if mention.end == mention.first + 1
            && np.end == mention.end
            && lexicon::is_bare_quantity(&v.low(mention.first))
        {
            let mut end = mention.end;
            while end < v.len() && end - mention.end < 6 && v.is_word(end) && {
                let w = v.low(end);
                // no verb test: "unaligned" modifies the noun
                !(v.cue_at(end).is_some()
                    || lexicon::is_aux(&w)
                    || lexicon::is_modal(&w)
                    || lexicon::is_wh(&w)
                    || lexicon::is_np_preposition(&w)
                    || lexicon::is_left_barrier(&w)
                    || lexicon::is_preverbal(&w))
            } {
                end += 1;
            }
            if end > mention.end {
                mention.end = end;
                np.end = end;
            }
        }
        if let Some(who) = self.place_stands_for(v, np, mention) {
            return self.resolve(v, who);
        }
        if self.address_part(v, mention) {
            // "said Jane Roe, 45, of Dover, Del.": the person before the
            // address speaks
            return resident_before(v, mention.first - 1).and_then(|np| self.resolve(v, np));
        }
        // "her June remark that": a possessive determiner standing alone
        // for a dated speech noun's speaker (see `noun_cue_subject`) is its
        // possessor
        if mention.end == mention.first + 1
            && np == mention
            && mention.end < v.len()
            && (v.is_month_or_weekday(mention.end) || v.is_cardinal(mention.end))
            && matches!(
                v.low(mention.first).as_ref(),
                "his" | "her" | "their" | "its"
            )
        {
            return self.possessor(v, mention);
        }
        // ("a source close to her" ends on its object, and is a noun phrase)
        if self.opener_not_a_name(v, mention)
            || head_not_a_noun(v, mention) && described_source(v, mention).is_none()
            || lone_word_not_a_noun(v, mention)
            || time_span_head(v, mention)
            || imperative_opener(v, mention)
            || self.date_or_number(v, mention)
            || lone_possessor(v, mention)
        {
            return None;
        }
        // "a news report said": the noun the cue scan took for the verb
        // is a document, which speaks; any other noun ("a swing state")
        // leaves a phrase that names nobody
        if modifier_of_cue_noun(v, np, mention) {
            if !lexicon::is_document_noun(&v.low(np.end)) {
                return None;
            }
            return self.resolve(
                v,
                Range {
                    first: np.first,
                    end: np.end + 1,
                },
            );
        }
        // "Roe's track record", "Roe's false claims that …": a possessive
        // phrase whose head could not speak names nobody, and one whose
        // head is made of words speaks for its possessor
        match possessed_head(v, np, mention) {
            Some((_, head, _))
                if !lexicon::is_words_noun(&v.low(head)) && !may_speak_head(&v.low(head)) =>
            {
                return None;
            }
            // a possession of words speaks for its possessor only when it
            // is the subject of the speech verb right after it ("Roe's
            // rhetoric suggests"); as the subject of anything else ("Roe's
            // attacks were echoed by …") the cue's speaker is elsewhere
            Some((owner, head, cut_off))
                if cut_off
                    || !lexicon::is_nouny_form(&v.low(head))
                        && !lexicon::is_document_noun(&v.low(head))
                        && lexicon::is_words_noun(&v.low(head)) =>
            {
                let next = v.low(np.end);
                let cue_next = v.is_word(np.end)
                    && !lexicon::is_aux(&next)
                    && lexicon::cue_class(&next).is_some();
                if !(cut_off || cue_next) {
                    return None;
                }
                return self.possessor(v, owner);
            }
            _ => {}
        }
        // an article or a preposition left alone where a scan stopped
        // ("… for saying", "noted a …") names nobody
        let lone = v.low(mention.first);
        if mention.end == mention.first + 1
            && (matches!(lone.as_ref(), "the" | "a" | "an") || lexicon::is_np_preposition(&lone))
        {
            return None;
        }
        // "I've been saying", "I'm old enough to …", "they'd said": a
        // pronoun with its auxiliary contracted is that pronoun, never a
        // name, and the words after it are its predicate
        let contracted = contracted_pronoun(v, mention.first);
        if contracted.is_some() {
            mention.end = mention.first + 1;
        }
        let span = v.text.token_span(mention.first, mention.end)?;
        let low =
            contracted.map_or_else(|| v.low(mention.first), |(p, _)| crate::text::lowercase(p));
        let single = mention.end == mention.first + 1;
        let mut written = Speaker {
            name: contracted.map_or(span.text, |(p, _)| p).to_string(),
            entity: None,
            text: span.text.to_string(),
            start: span.start,
            end: span.end,
        };
        let mut choices: Vec<Choice> = Vec::new();
        if single && np.end == mention.end && lexicon::is_bare_quantity(&low) {
            // "One said", "Another added", "Others argue": one or more of a
            // set the article names just before ("Two aides spoke …",
            // "… one user wrote"); the phrase as written when it names
            // none. Never a person's name: the quantity is not one.
            // a lone "one" of no named set is no antecedent for a later
            // "he" or "the woman"
            let mut c = as_written(&written, Animacy::Group);
            if let Some(name) = self.quantity_set_name(v, mention.first, &low) {
                c.speaker.name = name;
                if matches!(low.as_ref(), "one" | "another" | "each") {
                    c.animacy = Animacy::Person;
                }
            }
            choices.push(c);
        } else if single && low == "you" {
            // the reader or an interviewee addressed ("Q: You said …"):
            // the text does not name who spoke
            return None;
        } else if single && matches!(low.as_ref(), "i" | "we") {
            // the narrator or the reader, outside any quotation: nobody of
            // the article's people
            let animacy = if low == "i" {
                Animacy::Person
            } else {
                Animacy::Group
            };
            choices.push(as_written(&written, animacy));
        } else if let Some(ei) = self.kin_named(v, mention) {
            // "my father said": the person the article introduced so
            choices.push(self.entity_choice(ei, Source::RoleHolder, &written));
        } else if single && lexicon::is_subject_pronoun(&low) {
            let want = match low.as_ref() {
                "he" | "she" => Animacy::Person,
                "it" => Animacy::Org,
                _ => Animacy::Group,
            };
            let gender = match low.as_ref() {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            };
            self.antecedents(v, mention.first, want, gender, &written, &mut choices);
            choices.push(as_written(&written, want));
            // every antecedent agrees with "he" or "she": one of unknown
            // gender takes the pronoun's for the pronouns after it
            for c in &mut choices {
                c.gender = c.gender.or(gender);
            }
        } else if definite(v, np)
            && lexicon::is_party_member(&v.low(np.end - 1))
            && !lexicon::is_org_head(&v.low(np.end - 1))
        {
            // "the Ohio Republican": a role phrase for a person the
            // article described so ("Ohio Republican Jane Roe"), else a
            // party's politician it is about ("Rep. Roe", "Roe, R-Ohio,"),
            // never the nearest name when that one is someone the article
            // never tied to a party: an official named in an aside or an
            // object ("In a letter to the attorney, Jo Poe, the Ohio
            // Republican asks …" is the lawmaker, not Poe)
            let span = v.text.token_span(np.first, np.end)?;
            written.text = span.text.to_string();
            written.start = span.start;
            written.end = span.end;
            let member = v.low(np.end - 1).into_owned();
            let fit = |ei: usize| self.party_fit(v, ei, &member, np.first);
            let mut known = false;
            if let Some(ei) = self
                .described_person(v, np)
                .filter(|&ei| fit(ei) != Some(false))
            {
                choices.push(self.entity_choice(ei, Source::RoleHolder, &written));
                known = true;
            } else if let Some((ei, back)) =
                self.salient_person_before(v, np.first, |ei| fit(ei) == Some(true))
            {
                let mut c = self.entity_choice(ei, Source::NearestMention, &written);
                c.features = Features {
                    named: true,
                    sentences_back: back,
                    opens_sentence: true,
                    nearest_in_sentence: true,
                    ..Features::default()
                };
                choices.push(c);
                known = true;
            }
            let mut found = Vec::new();
            self.antecedents(v, np.first, Animacy::Person, None, &written, &mut found);
            // with a party's politician at hand, only another of them (a
            // speaker after them) competes; else anyone not of another party
            found.retain(|c| {
                let ei = c
                    .speaker
                    .entity
                    .as_deref()
                    .and_then(|id| self.by_id.get(id));
                ei.is_none_or(|&ei| {
                    let f = fit(ei);
                    if known {
                        f == Some(true)
                    } else {
                        f != Some(false)
                    }
                })
            });
            choices.extend(found);
            for c in &mut choices {
                c.animacy = Animacy::Person;
            }
            choices.push(as_written(&written, Animacy::Person));
        } else if let Some(member) = indefinite_party_member(v, np) {
            // "said an Iowa Democrat", "another Ohio Republican added": an
            // unnamed member of a party, described, never the party's name
            let span = v.text.token_span(member.first, member.end)?;
            written.text = span.text.to_string();
            written.name = span.text.to_string();
            written.start = span.start;
            written.end = span.end;
            choices.push(as_written(&written, Animacy::Person));
        } else if let Some(and) = (np.first + 2..np.end).find(|&k| {
            v.low(k) == "and"
                && v.coordinated_roles(k + 1, np.end, np.first.saturating_sub(1)) == Some(np.first)
        }) {
            // "the former governor and U.S. senator": the one person the
            // article gives either role (a title, an appositive), never
            // one of two; with none, the phrase is a description like any
            let span = v.text.token_span(np.first, np.end)?;
            written.text = span.text.to_string();
            written.name = span.text.to_string();
            written.start = span.start;
            written.end = span.end;
            let left = Range {
                first: np.first,
                end: and,
            };
            let right = Range {
                first: and,
                end: np.end,
            };
            let holders = |part: Range| -> HashSet<usize> {
                self.role_holders(v, part, Reach::Article)
                    .map(|(found, _)| found.iter().map(|c| c.3).collect())
                    .unwrap_or_default()
            };
            let (l, r) = (holders(left), holders(right));
            let both: Vec<usize> = l.intersection(&r).copied().collect();
            let any: Vec<usize> = l.union(&r).copied().collect();
            // one person with both roles, else the one with either
            let one = match (both.as_slice(), any.as_slice()) {
                ([ei], _) | ([], [ei]) => Some(*ei),
                _ => None,
            };
            if let Some(ei) = one {
                choices.push(self.entity_choice(ei, Source::RoleHolder, &written));
            } else if let Some((ei, back)) = self.salient_person_before(v, np.first, |_| true) {
                // roles nobody or several people hold: such a summary of a
                // career is said of the person the text is about
                let mut c = self.entity_choice(ei, Source::NearestMention, &written);
                c.features = Features {
                    named: true,
                    sentences_back: back,
                    opens_sentence: true,
                    nearest_in_sentence: true,
                    ..Features::default()
                };
                choices.push(c);
            } else {
                choices.push(as_written(&written, Animacy::Person));
            }
        } else if let Some(adj) = described_source(v, mention) {
            // an unnamed source: its description, never the person or
            // body it is close to; "the person close to him" may take up
            // the source introduced before
            let head = Range {
                first: mention.first,
                end: adj,
            };
            let plural = lexicon::is_group_head(&v.low(adj - 1));
            if definite(v, head) {
                self.role_phrase_choices(v, np, head, &written, &mut choices);
            }
            let animacy = if plural {
                Animacy::Group
            } else {
                Animacy::Person
            };
            choices.push(as_written(&written, animacy));
        } else if let Some(at) = agent_preposition(v, mention) {
            // an agent speaking for someone: its description, never the
            // name it speaks for; "the lawyer for Roe" may take up the
            // lawyer the article named before
            let head = Range {
                first: mention.first,
                end: at,
            };
            if definite(v, head) {
                match self.agent_of_body(v, mention, head, at) {
                    Some(Some(ei)) => {
                        choices.push(self.entity_choice(ei, Source::RoleHolder, &written));
                    }
                    // two of that body's agents: the phrase names neither
                    Some(None) => {}
                    None => self.role_phrase_choices(v, np, head, &written, &mut choices),
                }
            }
            choices.push(as_written(&written, associate_animacy(&v.low(at - 1))));
        } else if let Some(c) = self.document_issuer(v, np) {
            choices.push(c);
        } else if let Some(ei) = relation_phrase(v, mention)
            .then(|| self.described_person(v, mention))
            .flatten()
        {
            // "his ex-wife said" after "his ex-wife, Ivy Roe,", "Roe's
            // rival said" after "Roe's rival, Al Poe,"
            choices.push(self.entity_choice(ei, Source::RoleHolder, &written));
        } else if let Some(c) = self.owner_named(v, mention, &written) {
            choices.push(c);
        } else if let Some(ei) = self.entity_at_head(v, mention) {
            match self.given_name_before(v, mention, ei) {
                Some(run) => {
                    let name = self.fullest(v, run).0;
                    choices.push(Choice {
                        source: Source::CueSubject,
                        gender: name_gender(&name),
                        speaker: Speaker {
                            name,
                            ..written.clone()
                        },
                        animacy: Animacy::Person,
                        features: Features {
                            named: true,
                            ..Features::default()
                        },
                    });
                }
                None => choices.push(self.entity_choice(ei, Source::CueSubject, &written)),
            }
        } else if v.cap(mention.end - 1)
            || v.kind(mention.end - 1) == Some(TokenKind::Word)
                && v.text.is_all_caps(mention.end - 1)
        {
            let (name, animacy) = self.fullest(v, mention);
            choices.push(Choice {
                source: Source::CueSubject,
                gender: name_gender(&name),
                speaker: Speaker {
                    name,
                    ..written.clone()
                },
                animacy,
                features: Features {
                    named: true,
                    ..Features::default()
                },
            });
        } else {
            self.role_phrase_choices(v, np, mention, &written, &mut choices);
        }
        let c = choice::best(choices)?;
        let r = Resolved {
            speaker: c.speaker,
            animacy: c.animacy,
            gender: c.gender,
            at: mention.first,
        };
        self.history.push(r.clone());
        Some(r)
    }

    /// Candidates for a role or group phrase as the cue's subject ("the
    /// secretary", "the company", "many critics").
    fn role_phrase_choices(
        &self,
        v: &View<'_, '_>,
        np: Range,
        mention: Range,
        written: &Speaker,
        choices: &mut Vec<Choice>,
    ) {
        // "the 41-year-old mother of two": the parent noun is the head
        let parent = parent_description(v, np, mention);
        let head = parent.map_or_else(|| v.low(mention.end - 1), |k| v.low(k));
        let holders = if definite(v, mention) {
            self.role_holders(v, mention, Reach::Near)
        } else if matches!(v.low(mention.first).as_ref(), "a" | "an") && lexicon::is_title(&head) {
            // "A federal judge ruled …" before "U.S. District Judge Ann
            // Roe wrote": a titled role set indefinitely, before or after
            // the name, is the one person the article gives that role
            self.role_holders(v, mention, Reach::Indefinite)
        } else {
            None
        };
        let described = holders
            .as_ref()
            .and_then(|(f, unique)| pick_holder(f, *unique));
        // an identifying description two people fit ("the 41-year-old"
        // with two people of 41) names neither, nor the nearest person
        let ambiguous = holders
            .as_ref()
            .is_some_and(|(f, unique)| *unique && described.is_none() && !f.is_empty());
        // the holder of the role by its head word alone must still fit the
        // phrase's proper modifiers: "the Ohio senator" is no senator the
        // article never ties to Ohio
        let fits_proper = |ei: usize| {
            (mention.first + 1..mention.end.saturating_sub(1))
                .filter(|&k| v.is_word(k) && v.cap(k))
                .all(|k| self.described_with(v, ei, &v.low(k)))
        };
        if let Some(ei) =
            described.or_else(|| self.entity_by_role(&head).filter(|&ei| fits_proper(ei)))
        {
            choices.push(self.entity_choice(ei, Source::RoleHolder, written));
        }
        if let Some(c) = self.appositive_choice(v, np, written) {
            choices.push(c);
        }
        // "the federal report", "the joint statement": a written source
        // whose modifier says whose it is; taking up the latest speaking
        // organisation would credit whoever was quoted last
        let modified_document = lexicon::is_document_noun(&head)
            && mention.end >= mention.first + 3
            && (mention.first + 1..mention.end - 1).all(|k| v.is_word(k) && !v.cap(k));
        // "this reporter", "this writer": the narrator, nobody of the text
        let narrator = v.low(mention.first) == "this"
            && matches!(
                head.as_ref(),
                "reporter" | "writer" | "correspondent" | "columnist" | "author"
            );
        let person = (lexicon::is_person_noun(&head)
            || lexicon::is_person_noun(&hyphen_compound(v, mention.end - 1))
            || parent.is_some())
            && !narrator;
        if definite(v, mention)
            && !modified_document
            && (lexicon::is_org_head(&head) || person)
            && !lexicon::is_group_head(&head)
        {
            let want = if person && !lexicon::is_org_head(&head) {
                Animacy::Person
            } else {
                Animacy::Org
            };
            let sent_of = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.sentence);
            let here = sent_of(mention.first);
            // "a young woman asked … the woman said": the phrase takes up
            // an unnamed person introduced after the previous speaker
            // (a bounded look back keeps resolution linear)
            let introduced_since = |from: usize| {
                (from.max(mention.first.saturating_sub(400))..mention.first).any(|k| {
                    v.low(k) == head
                        && (k.saturating_sub(3)..k).any(|j| matches!(v.low(j).as_ref(), "a" | "an"))
                })
            };
            // the words that must fit the person: "the Ohio senator" is
            // someone described as from Ohio; "Roe's doctor", "their
            // candidate" and "the head of Acme" are someone's, said so
            // to set them apart from the people named before
            let possessive = matches!(v.low(np.first).as_ref(), "its" | "their")
                || (np.first..np.end).any(|k| v.is_possessive(k))
                || (mention.end..np.end)
                    .find(|&k| v.low(k) == "of")
                    .is_some_and(|of| (of + 1..np.end).any(|k| v.cap(k)));
            let proper: Vec<String> = (mention.first + 1..mention.end)
                .filter(|&k| v.is_word(k) && v.cap(k))
                .map(|k| v.low(k).into_owned())
                .collect();
            let gender = noun_gender(&head);
            let agrees = |other: Option<Gender>| match (gender, other) {
                (Some(g), Some(h)) => g == h,
                _ => true,
            };
            // a mention the phrase takes up must also fit its proper
            // modifiers; the speaker quoted just before is taken up with
            // less evidence (the text is about them)
            let fits = |ei: usize| {
                // "the Roe aide" is not Roe
                let described = || {
                    proper.iter().all(|w| {
                        self.described_with(v, ei, w)
                            && !self.entities[ei]
                                .name
                                .split_whitespace()
                                .any(|n| crate::text::lowercase(n) == *w)
                    })
                };
                agrees(self.gender(ei)) && described()
            };
            // "the Roe administration", "the Doe campaign": a person's
            // name as modifier says whose body it is, so it takes up no
            // other organization named or quoted before
            let persons_body = want == Animacy::Org
                && proper.iter().any(|w| {
                    self.entities.iter().any(|e| {
                        e.kind == EntityType::Person
                            && e.name
                                .split_whitespace()
                                .any(|n| crate::text::lowercase(n) == *w)
                    })
                });
            // "the Harbor Institute website notes:" before an excerpt: a
            // site speaks for the body named on it, not for the body
            // quoted last
            if want == Animacy::Org && !persons_body && head == "website" {
                let run = Range {
                    first: mention.first + 1,
                    end: mention.end - 1,
                };
                let named = run.end > run.first && (run.first..run.end).all(|k| v.cap(k));
                let span = named
                    .then(|| v.text.token_span(run.first, run.end))
                    .flatten();
                let entity = span
                    .as_ref()
                    .and_then(|s| self.entity_at(s.start, s.end, s.end))
                    .filter(|&ei| self.entities[ei].kind == EntityType::Organization);
                if let Some(ei) = entity {
                    choices.push(self.entity_choice(ei, Source::CueSubject, written));
                    return;
                }
                if let Some(s) = span.filter(|_| run_animacy(v, run) == Animacy::Org) {
                    choices.push(Choice {
                        source: Source::CueSubject,
                        speaker: Speaker {
                            name: s.text.to_string(),
                            ..written.clone()
                        },
                        animacy: Animacy::Org,
                        gender: None,
                        features: Features {
                            named: true,
                            ..Features::default()
                        },
                    });
                    return;
                }
            }
            // the kind of body the phrase says ("the court", "the
            // agency"); an editorial board is a newspaper's
            let kind =
                if head == "board" && mention.end >= 2 && v.low(mention.end - 2) == "editorial" {
                    "editorial".into()
                } else {
                    head.clone()
                };
            let prev = self
                .history
                .iter()
                .rev()
                .take(64)
                .filter(|_| !persons_body)
                .find(|r| {
                    r.animacy == want
                        && r.speaker.name != written.text
                        && agrees(r.gender)
                        && (want != Animacy::Org || lexicon::org_kind_fits(&kind, &r.speaker.name))
                })
                .filter(|r| !introduced_since(r.at))
                // a role ("the minister added") continues whoever spoke
                // in it; a descriptor ("the businessman") is said of the
                // person the text is about, who need not have spoken
                .filter(|_| {
                    want == Animacy::Org
                        || lexicon::is_person_role(&head)
                        || lexicon::is_party_member(&head)
                });
            if let Some(prev) = prev {
                choices.push(Choice {
                    source: Source::PreviousSpeaker,
                    speaker: Speaker {
                        name: prev.speaker.name.clone(),
                        entity: prev.speaker.entity.clone(),
                        ..written.clone()
                    },
                    animacy: want,
                    gender: prev.gender,
                    features: Features {
                        named: true,
                        sentences_back: here.saturating_sub(sent_of(prev.at)),
                        ..Features::default()
                    },
                });
            } else if want == Animacy::Org && !persons_body {
                // the nearest organization of the kind the head says
                // (a name the entity tagger typed an organization counts
                // though no word of it says so, when the head names a
                // body: "ShopHaven said … the company added"; a document
                // or a source, "the report", "the insider", is no body)
                let body = crate::enrich::entities::gazetteer::is_org_head_word(&head);
                let org = self.names_before(mention.first, 200).find(|n| {
                    (n.animacy == Animacy::Org
                        || body
                            && self.entity_at_head(v, n.range).is_some_and(|ei| {
                                self.entities[ei].kind == EntityType::Organization
                            }))
                        && v.text
                            .token_span(n.range.first, n.range.end)
                            .is_some_and(|s| lexicon::org_kind_fits(&kind, s.text))
                });
                if let Some((n, s)) =
                    org.and_then(|n| Some((n, v.text.token_span(n.range.first, n.range.end)?)))
                {
                    // the organization's canonical name where the run is
                    // one of its mentions ("the Times" of "New York Times"),
                    // not where a mention covers only its end ("Acme LLC"
                    // with "LLC" alone tagged)
                    let mut speaker = Speaker {
                        name: s.text.to_string(),
                        ..written.clone()
                    };
                    let opening = v.text.tokens().get(n.range.first);
                    let whole = |ei: usize| {
                        opening.is_some_and(|t| {
                            self.entity_at(t.cstart as usize, t.cend as usize, usize::MAX)
                                == Some(ei)
                        })
                    };
                    if let Some(ei) = self.entity_at_head(v, n.range).filter(|&ei| {
                        self.entities[ei].kind == EntityType::Organization && whole(ei)
                    }) {
                        self.adopt_entity(ei, &mut speaker);
                    } else if let Some(name) =
                        org_complement(v, n.range).and_then(|r| v.text.token_span(r.first, r.end))
                    {
                        speaker.name = name.text.to_string();
                    }
                    choices.push(Choice {
                        source: Source::NearestMention,
                        speaker,
                        animacy: want,
                        gender: None,
                        features: Features {
                            named: true,
                            sentences_back: here.saturating_sub(sent_of(n.range.first)),
                            nearest_in_sentence: true,
                            ..Features::default()
                        },
                    });
                }
            }
            // A person phrase no description in the article matches stands
            // for a person the text is about, like an anaphor, unless it
            // takes up an unnamed person introduced with "a" ("a nurse …
            // the nurse said"): the nearest subject (not an object) named
            // outside quotations in the few sentences before ("Jane Roe
            // held a sign. The retired nurse said …"), never one of its
            // own sentence ("Roe met Doe after the nurse said …" is a third
            // person). A proper modifier must fit how the article
            // describes the person ("the Ohio senator"); a possessive
            // ("Roe's doctor") names someone else.
            if want == Animacy::Person
                && !possessive
                && !ambiguous
                && indefinite_before(v, &head, mention.first).is_none()
            {
                // an age or a parent noun describes one person: two who
                // fit as well (two subjects of one sentence) name neither
                let describes_one = parent.is_some()
                    || (mention.first..mention.end)
                        .any(|k| hyphen_compound(v, k).ends_with("-year-old"));
                let found = match self.salient_person_before(v, mention.first, fits) {
                    Some((ei, back)) => Some((ei, back)).filter(|_| {
                        !describes_one
                            || self
                                .salient_person_before(v, mention.first, |o| o != ei && fits(o))
                                .is_none_or(|(_, b)| b != back)
                                && !self.coordinated_with(v, ei, mention.first, back, fits)
                    }),
                    // no person named in the sentences before: the one
                    // their latest "his" or "her" stands for ("… a defense
                    // of her record. “…,” said the 52-year-old.")
                    None if describes_one => self
                        .possessive_topic(v, mention.first, gender)
                        .filter(|&(ei, _)| fits(ei)),
                    None => None,
                };
                if let Some((ei, back)) = found {
                    let mut c = self.entity_choice(ei, Source::NearestMention, written);
                    c.features = Features {
                        named: true,
                        sentences_back: back,
                        opens_sentence: true,
                        nearest_in_sentence: true,
                        ..Features::default()
                    };
                    choices.push(c);
                }
            }
            choices.push(as_written(written, want));
        } else {
            let animacy = if lexicon::is_group_head(&head) {
                Animacy::Group
            } else if lexicon::is_org_head(&head) {
                Animacy::Org
            } else if person {
                Animacy::Person
            } else {
                Animacy::Unknown
            };
            choices.push(as_written(written, animacy));
        }
    }

    /// The issuer of the document the cue's subject `np` names: a letter,
    /// statement or filing speaks for whoever issued it when the phrase
    /// says who ("Roe's letter", "the company's statement", "an Acme
    /// statement", "a letter from Roe", "a letter signed by Roe and Doe"),
    /// and a bare "the letter" for the issuer of the nearest earlier
    /// mention of the same document ("Acme released a report. … The
    /// report said"). The choice keeps the document phrase as the mention.
    /// `None` when the phrase is no document or no issuer is said.
    fn document_issuer(&self, v: &View<'_, '_>, np: Range) -> Option<Choice> {
        let np = signers_phrase(v, np).unwrap_or(np);
        let head = document_head(v, np)?;
        let span = v.text.token_span(np.first, np.end)?;
        let written = Speaker {
            name: span.text.to_string(),
            entity: None,
            text: span.text.to_string(),
            start: span.start,
            end: span.end,
        };
        if let Some(c) = self.issuer_in(v, np, head, &written) {
            return Some(c);
        }
        // a bare definite "the (new) report": the earlier mention tells
        let bare = definite(v, np)
            && head + 1 == np.end
            && (np.first + 1..head).all(|k| v.is_word(k) && !v.cap(k));
        if !bare {
            return None;
        }
        let noun = v.low(head);
        let here = v.sentence(np.first).first;
        // "the audit report" does not take up "a report on the talks": a
        // modifier that sets the document apart must be in the earlier
        // mention too, else that mention is another document
        let same_document = |earlier: usize, phrase: Range| {
            (np.first + 1..head).all(|k| {
                let m = v.low(k);
                lexicon::is_anaphoric_adjective(&m)
                    || (phrase.first..earlier).any(|j| v.low(j) == m)
            })
        };
        let earlier = (here.saturating_sub(400)..here)
            .rev()
            .find(|&k| v.low(k) == noun && !v.in_quote(k))?;
        let phrase = document_phrase(v, earlier);
        if !same_document(earlier, phrase) {
            return Some(as_written(&written, Animacy::Org));
        }
        let mut c = self.issuer_in(v, phrase, earlier, &written);
        if c.is_none() {
            // "Acme released a report": the subject of an issuing verb
            let verb = phrase.first.checked_sub(1)?;
            if ISSUING_VERBS.contains(&v.low(verb).as_ref()) && verb > 0 && v.cap(verb - 1) {
                let mut first = verb - 1;
                let sent = v.sentence(verb).first;
                while first > sent && (v.cap(first - 1) || is_dot_of_initial(v, first - 1)) {
                    first -= 1;
                }
                c = self.named_issuer(v, Range { first, end: verb }, &written, false);
            }
        }
        if c.is_none() {
            // "Acme's office said in a statement": the speaker of the cue
            // the earlier mention completes (else the latest organisation
            // quoted would take the statement)
            let verb = phrase.first.checked_sub(2)?;
            if v.low(verb + 1) != "in" || lexicon::cue_class(&v.low(verb)).is_none() {
                return None;
            }
            let subject = v.subject_before(verb, v.sentence(verb).first)?;
            if lexicon::is_subject_pronoun(&v.low(subject.first)) {
                return None;
            }
            c = self.named_issuer(v, subject, &written, false).or_else(|| {
                let issuer = v.text.token_span(subject.first, subject.end)?;
                Some(Choice {
                    source: Source::CueSubject,
                    speaker: Speaker {
                        name: issuer.text.to_string(),
                        ..written.clone()
                    },
                    animacy: Animacy::Org,
                    gender: None,
                    features: Features::default(),
                })
            });
        }
        c
    }

    /// The issuer the document phrase `np` with its head at `head` names
    /// itself: a possessive before the head, a recognized organisation or
    /// person modifying it, or "from"/"(signed) by" a name after it.
    fn issuer_in(
        &self,
        v: &View<'_, '_>,
        np: Range,
        head: usize,
        written: &Speaker,
    ) -> Option<Choice> {
        if let Some(k) = (np.first..head).find(|&k| v.is_possessive(k)) {
            let owner = Range {
                first: np.first,
                end: k,
            };
            if v.cap(k - 1) {
                return self.named_issuer(v, owner, written, false);
            }
            // "the company's statement": whoever the phrase stands for
            return self.owner_phrase_choice(v, owner, owner, written);
        }
        // "the speech Roe gave", "the filings she made": the contact
        // clause's subject
        if let Some(r) = contact_issuer(v, np, head) {
            let (want, gender) = match v.low(r.first).as_ref() {
                "he" => (Animacy::Person, Some(Gender::Male)),
                "she" => (Animacy::Person, Some(Gender::Female)),
                "they" => (Animacy::Group, None),
                "it" => (Animacy::Org, None),
                _ => return self.named_issuer(v, r, written, false),
            };
            let mut found = Vec::new();
            self.antecedents(v, r.first, want, gender, written, &mut found);
            found.retain(|c| c.features.named);
            return choice::best(found);
        }
        // "an Acme Corp. statement": a capitalized modifier the entity
        // tagger recognized; but a filing's modifier is where it was filed
        // ("FEC filings"), and after "its" or "their" the modifier is no
        // issuer ("its agency reports")
        let owned_by_pronoun = matches!(
            v.low(np.first).as_ref(),
            "his" | "her" | "its" | "their" | "our" | "my" | "your"
        );
        if owned_by_pronoun || v.low(head).starts_with("filing") {
            return None;
        }
        let mut first = head;
        while first > np.first && (v.cap(first - 1) || v.s(first - 1) == ".") {
            first -= 1;
        }
        if first < head {
            if let Some(c) = self.named_issuer(v, Range { first, end: head }, written, true) {
                return Some(c);
            }
        }
        // "a letter from Roe", "a letter signed by Roe and Doe": the
        // first name after it
        let mut k = head + 1;
        if lexicon::is_issue_participle(&v.low(k)) {
            k += 1;
            // "a suit filed in a county court by Roe": where, then who
            if let Some(by) = (k..np.end.min(k + 6))
                .take_while(|&j| v.is_word(j) && !v.verbish(j))
                .find(|&j| v.low(j) == "by")
            {
                k = by;
            }
        }
        if let Some(by) = issuer_after_of(v, np, k) {
            k = by;
        }
        if k < np.end && matches!(v.low(k).as_ref(), "from" | "by") {
            // "a letter from the Acme Workers Union": past its article
            let first = if v.low(k + 1) == "the" && k + 2 < np.end && v.cap(k + 2) {
                k + 2
            } else {
                k + 1
            };
            let mut end = first;
            while end < np.end && (v.cap(end) || is_dot_of_initial(v, end)) {
                end += 1;
            }
            if end > first {
                return self.named_issuer(v, Range { first, end }, written, false);
            }
            // "a complaint filed by the regulator", "a memo from the
            // agency": a definite phrase of lowercase words, taken up as
            // when it speaks itself
            // ("the head of the Acme union": the phrase keeps its "of"
            // complement, its head stands before it)
            let end = (k + 2..np.end)
                .find(|&j| !v.is_word(j) || v.cap(j) || lexicon::is_np_preposition(&v.low(j)))
                .unwrap_or(np.end);
            if v.low(k + 1) == "the" && end > k + 2 {
                let owner = Range {
                    first: k + 1,
                    end: np.end,
                };
                let head = Range { first: k + 1, end };
                return self.owner_phrase_choice(v, owner, head, written);
            }
        }
        None
    }

    /// The speaker a document's issuer `owner` stands for, when it is
    /// written as a common noun phrase ("the company's statement", "a
    /// filing by the agency"): what the phrase would name if it spoke
    /// itself, the document `written` kept as the mention.
    fn owner_phrase_choice(
        &self,
        v: &View<'_, '_>,
        owner: Range,
        head: Range,
        written: &Speaker,
    ) -> Option<Choice> {
        let mut owned = Vec::new();
        let as_owner = Speaker {
            name: v.text.token_span(owner.first, owner.end)?.text.to_string(),
            ..written.clone()
        };
        self.role_phrase_choices(v, owner, head, &as_owner, &mut owned);
        choice::best(owned)
    }

    /// The issuer named by the capitalized run `r`, speaking through the
    /// document `written`: its entity, or (unless `entity_only`) its
    /// fullest name in the article.
    fn named_issuer(
        &self,
        v: &View<'_, '_>,
        r: Range,
        written: &Speaker,
        entity_only: bool,
    ) -> Option<Choice> {
        if let Some(ei) = self.entity_at_head(v, r) {
            return Some(self.entity_choice(ei, Source::CueSubject, written));
        }
        if entity_only || r.end == r.first || !v.cap(r.end - 1) {
            return None;
        }
        let (name, animacy) = self.fullest(v, r);
        Some(Choice {
            source: Source::CueSubject,
            gender: name_gender(&name),
            speaker: Speaker {
                name,
                ..written.clone()
            },
            animacy,
            features: Features {
                named: true,
                ..Features::default()
            },
        })
    }

    /// The person a role phrase stands beside in apposition: "Jane Roe,
    /// the head of sales, said" (the name before the phrase, between
    /// commas) names the speaker better than the phrase does.
    fn appositive_choice(&self, v: &View<'_, '_>, np: Range, written: &Speaker) -> Option<Choice> {
        let comma = np.first.checked_sub(1)?;
        if v.s(comma) != "," || v.s(np.end) != "," || !definite_or_article(v, np) {
            return None;
        }
        let end = comma;
        let mut first = end;
        while first > 0 && end - first < 4 && (v.cap(first - 1) || is_dot_of_initial(v, first - 1))
        {
            first -= 1;
        }
        let sent = v.sentence(comma).first;
        // the name opens its clause: the sentence start or after a comma
        let opens = first == sent || first > sent && v.s(first - 1) == ",";
        if first == end || !opens || v.in_quote(first) {
            return None;
        }
        let run = strip_titles(v, Range { first, end });
        let ei = self.entity_at_head(v, run);
        let person = match ei {
            Some(ei) => self.entities[ei].kind == EntityType::Person,
            None => {
                run.end - run.first >= 2
                    && first_name_gender(v.s(run.first)).is_some()
                    && run_animacy(v, run) != Animacy::Org
            }
        };
        if !person {
            return None;
        }
        Some(match ei {
            Some(ei) => self.entity_choice(ei, Source::AppositiveHead, written),
            None => {
                let name = self.fullest(v, run).0;
                Choice {
                    source: Source::AppositiveHead,
                    gender: name_gender(&name),
                    speaker: Speaker {
                        name,
                        ..written.clone()
                    },
                    animacy: Animacy::Person,
                    features: Features {
                        named: true,
                        ..Features::default()
                    },
                }
            }
        })
    }

    /// The person the narrator's relative `mention` ("my father", "my
    /// wife") is, when the article introduces one so: "my father, Carl
    /// Brandt, …", "My father Carl …" or "Carl Brandt, my father, …".
    /// `None` for another phrase, or when two persons are introduced so.
    fn kin_named(&self, v: &View<'_, '_>, mention: Range) -> Option<usize> {
        if mention.end != mention.first + 2 || v.low(mention.first) != "my" {
            return None;
        }
        let kin = v.low(mention.first + 1);
        if !crate::enrich::entities::KINSHIP.contains(&kin.as_ref()) {
            return None;
        }
        let toks = v.text.tokens();
        let person_at = |k: usize, starts: bool| -> Option<usize> {
            let t = toks.get(k)?;
            let (s, e) = (t.cstart as usize, t.cend as usize);
            self.spans
                .iter()
                .find(|&&(ms, me, ei, named)| {
                    named
                        && self.entities[ei].kind == EntityType::Person
                        && if starts { ms == s } else { me == e }
                })
                .map(|&(_, _, ei, _)| ei)
        };
        let mut found: Option<usize> = None;
        for k in 0..v.len().saturating_sub(1) {
            if v.low(k) != "my" || v.low(k + 1) != kin {
                continue;
            }
            let after = if v.s(k + 2) == "," { k + 3 } else { k + 2 };
            let before = (k > 1 && v.s(k - 1) == ",")
                .then(|| person_at(k - 2, false))
                .flatten();
            for ei in person_at(after, true).into_iter().chain(before) {
                if found.is_some_and(|f| f != ei) {
                    return None;
                }
                found = Some(ei);
            }
        }
        found
    }

    /// The person the name at tokens `r` stands for (an author named on a
    /// byline or bio line): the entity's full name and id when the tagger
    /// found a person there, the name as written when it found nothing,
    /// `None` when it found a place or an organization.
    pub fn person_named(&self, v: &View<'_, '_>, r: Range) -> Option<(String, Option<String>)> {
        let span = v.text.token_span(r.first, r.end)?;
        match self.entity_at(span.start, span.end, usize::MAX) {
            Some(ei) if self.entities[ei].kind == EntityType::Person => {
                Some((self.full_name(ei), Some(self.entities[ei].id.clone())))
            }
            Some(_) => None,
            None => Some((span.text.to_string(), None)),
        }
    }

    /// Entity `ei` as a candidate from `source`, keeping the mention as
    /// written.
    fn entity_choice(&self, ei: usize, source: Source, written: &Speaker) -> Choice {
        let mut speaker = written.clone();
        let animacy = self.adopt_entity(ei, &mut speaker);
        Choice {
            source,
            speaker,
            animacy,
            gender: self.gender(ei),
            features: Features {
                named: true,
                ..Features::default()
            },
        }
    }

    /// The entity whose span overlaps `start..end` most, among spans
    /// ending by `limit`.
    fn entity_at(&self, start: usize, end: usize, limit: usize) -> Option<usize> {
        // spans sorted by start: the overlapping ones end the prefix of
        // spans starting before `end`; a bounded look back suffices
        let idx = self.spans.partition_point(|s| s.0 < end);
        let mut best: Option<(usize, usize)> = None;
        for &(s, e, ei, _) in self.spans.get(idx.saturating_sub(32)..idx).unwrap_or(&[]) {
            if s < end && start < e && e <= limit {
                let ov = e.min(end) - s.max(start);
                if best.is_none_or(|(b, _)| ov > b) {
                    best = Some((ov, ei));
                }
            }
        }
        best.map(|(_, ei)| ei)
    }

    /// The entity whose mention or reference covers the head (last word
    /// of the head phrase) of `mention`: "staff at several Acme
    /// stores" is not Acme, "Acme CEO Jane Roe" is Jane Roe.
    fn entity_at_head(&self, v: &View<'_, '_>, mention: Range) -> Option<usize> {
        let head_end = (mention.first + 1..mention.end)
            .find(|&k| v.is_word(k) && lexicon::is_np_preposition(&v.low(k)))
            .unwrap_or(mention.end);
        let t = v.text.tokens().get(head_end.checked_sub(1)?)?;
        // a name the tagger ran into the cue after it ("Jane Roe Says" in
        // a title-case line) is not the speaker's
        let limit = if v.cue_at(mention.end).is_some() {
            t.cend as usize
        } else {
            usize::MAX
        };
        self.entity_at(t.cstart as usize, t.cend as usize, limit)
    }

    /// "Bryan Roe said" where the tagger typed the surname apart as no
    /// person (a language, a place, a company: "English", "Lincoln"): a
    /// given name right before the mention of entity `ei` in the subject
    /// `mention` makes the two one person's name. The run from the given
    /// name to the entity's mention; `None` when the entity is a person or
    /// no given name stands there.
    fn given_name_before(&self, v: &View<'_, '_>, mention: Range, ei: usize) -> Option<Range> {
        let e = &self.entities[ei];
        if e.kind == EntityType::Person {
            return None;
        }
        let toks = v.text.tokens();
        let tok_of = |c: usize| toks.partition_point(|t| (t.cstart as usize) < c);
        let (first, end) = e
            .mentions
            .iter()
            .map(|m| (tok_of(m.start), tok_of(m.end)))
            .find(|&(f, e)| f > mention.first && f < mention.end && e <= mention.end)?;
        let given = first - 1;
        let w = v.s(given);
        (end == first + 1
            && v.is_word(given)
            && v.cap(given)
            && !v.in_quote(given)
            && !lexicon::is_title(&v.low(given))
            && first_name_gender(w).is_some()
            && self
                .entity_at(
                    toks[given].cstart as usize,
                    toks[given].cend as usize,
                    usize::MAX,
                )
                .is_none_or(|o| self.entities[o].kind == EntityType::Person))
        .then_some(Range { first: given, end })
    }

    /// The person a definite description stands for ("the billionaire",
    /// "the Ohio senator", "the former secretary of state"): among the
    /// entities named before the phrase, those the article describes with
    /// the phrase's head noun, as a role, as a word right before a name
    /// ("billionaire Jane Roe") or as the head of an appositive ("Jane Roe,
    /// a Texas billionaire,"). The phrase's other words then choose between
    /// them ("the Ohio senator" among two senators), and the latest named
    /// wins a tie. A plural phrase ("the two senators") names no one person.
    fn described_person(&self, v: &View<'_, '_>, mention: Range) -> Option<usize> {
        let (found, unique) = self.role_holders(v, mention, Reach::Near)?;
        pick_holder(&found, unique)
    }

    /// The people the article describes with the head noun of `mention`
    /// (see [`Resolver::described_person`]) as (fit, current holder,
    /// mention token, entity), one per linked mention; `None` when the
    /// phrase is no description of one person. With a `reach` beyond
    /// [`Reach::Near`], or for a phrase that identifies by itself (an age,
    /// a relation: "his ex-wife", "Roe's opponent"), mentions anywhere in
    /// the article count, however far, and the flag returned says that
    /// only one person may fit: two ex-wives or two people of 41 name
    /// nobody.
    fn role_holders(
        &self,
        v: &View<'_, '_>,
        mention: Range,
        reach: Reach,
    ) -> Option<(Vec<Holder>, bool)> {
        let whole = reach != Reach::Near;
        if mention.end < mention.first + 2 {
            return None;
        }
        let head_at = (mention.first + 1..mention.end)
            .find(|&k| v.is_word(k) && lexicon::is_np_preposition(&v.low(k)))
            .unwrap_or(mention.end)
            - 1;
        let head = v.low(head_at);
        // "the 41-year-old", "the 41-year-old mother": the age the article
        // gave beside a name ("Jane Roe, 41,", "41-year-old Jane Roe")
        let compound = hyphen_compound(v, head_at);
        let age = (mention.first + 1..=head_at)
            .filter(|&k| v.low(k) == "old")
            .map(|k| hyphen_compound(v, k))
            .find(|c| c.strip_suffix("-year-old").is_some_and(is_age_number));
        // "his ex-wife said", "Roe's opponent said": a phrase opened by a
        // possessive stands for someone's relation, not a role of its own;
        // it is the name the same phrase was set beside ("his ex-wife, Ivy
        // Roe,"), or one the article tied to the same possessor by that
        // noun ("ex-wife Ivy Roe", "Roe's rival, Al Poe,", "Al Poe, who is
        // running against Roe")
        let pronoun_owner = matches!(v.low(mention.first).as_ref(), "his" | "her");
        let mark = if pronoun_owner {
            Some(mention.first)
        } else {
            // a name's, not a body's ("The Pentagon's adviser")
            (mention.first + 1..head_at)
                .find(|&k| v.is_possessive(k))
                .filter(|&k| (mention.first..k).all(|j| v.cap(j) || is_dot_of_initial(v, j)))
                .filter(|_| !lexicon::is_determiner(&v.low(mention.first)))
        };
        let owned = mark.is_some();
        let identifying = whole || owned || age.is_some();
        let phrase: Vec<String> = (mention.first..=head_at)
            .map(|k| v.low(k).into_owned())
            .collect();
        let gender = noun_gender(&compound).or_else(|| noun_gender(&head));
        if head_at <= mention.first
            || head.len() < 3
            || !v.is_word(head_at)
            || v.cap(head_at)
            || head.ends_with('s') && !head.ends_with("ss")
            || lexicon::is_group_head(&head)
            // "the statement", "the campaign": a source, not a person
            || lexicon::is_org_head(&head)
            || lexicon::is_nouny_form(&head)
            || lexicon::cue_class(&head).is_some()
        {
            return None;
        }
        // "a source at the station … the source said": an unnamed person
        // introduced after a described name is the one the phrase takes up
        // (the whole compound: "an old friend" introduces no "41-year-old")
        let introduced_at = indefinite_before(v, &head, mention.first)
            .filter(|&k| hyphen_compound(v, k) == compound);
        // whose relation the phrase says: the pronoun's referent or the
        // named possessor, with that person's gender
        let owner = match mark {
            Some(m) if m == mention.first => self.pronoun_referent(v, m),
            Some(m) => self.entity_at_head(
                v,
                Range {
                    first: mention.first,
                    end: m,
                },
            ),
            None => None,
        };
        let owner_gender = match v.low(mention.first).as_ref() {
            "his" => Some(Gender::Male),
            "her" => Some(Gender::Female),
            _ => owner.and_then(|ei| self.gender(ei)),
        };
        // whether the possessor of a linking phrase starting at `p` (a
        // pronoun, a name before "'s", or none) may be the phrase's own
        let owner_fits = |p: Option<usize>, limit: usize| {
            let Some(p) = p else {
                return true;
            };
            match v.low(p).as_ref() {
                // "his friend Al Poe" is the friend of whoever "his" stands
                // for there, who must be the phrase's possessor
                w @ ("his" | "her") => match (self.pronoun_referent(v, p), owner) {
                    (Some(a), Some(b)) => a == b,
                    _ => {
                        owner_gender
                            != Some(if w == "his" {
                                Gender::Female
                            } else {
                                Gender::Male
                            })
                    }
                },
                _ => {
                    let Some(m) = (p + 1..limit).find(|&k| v.is_possessive(k)) else {
                        return true;
                    };
                    v.cap(p)
                        && owner.is_some()
                        && self.entity_at_head(v, Range { first: p, end: m }) == owner
                }
            }
        };
        // a description far back belongs to another part of the text
        const MAX_SENTENCES_BACK: u32 = 12;
        let sent_of = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.sentence);
        let here = sent_of(mention.first);
        // the words that say which one: "Ohio", "former", "Senate"
        // (word, capitalized)
        let modifiers: Vec<(String, bool)> = (mark.unwrap_or(mention.first) + 1..mention.end)
            .filter(|&k| k != head_at && v.is_word(k))
            .map(|k| (v.low(k).into_owned(), v.cap(k)))
            .filter(|(w, _)| !lexicon::is_determiner(w) && !lexicon::is_np_preposition(w))
            .collect();
        let toks = v.text.tokens();
        let cstart = toks.get(mention.first)?.cstart as usize;
        let tok_of = |c: usize| toks.partition_point(|t| (t.cstart as usize) < c);
        let idx = self.spans.partition_point(|s| s.0 < cstart);
        let before_end = if identifying { self.spans.len() } else { idx };
        // "Sen. Jane Roe … Roe … the senator": a title before any earlier
        // mention gives its person the role
        let titled: HashSet<usize> = self.spans[..before_end]
            .iter()
            .filter(|&&(s, _, ei, name)| {
                name && self.entities[ei].kind == EntityType::Person
                    && titles_before(v, tok_of(s)).any(|k| {
                        let t = v.low(k);
                        let t = t.trim_end_matches('.');
                        lexicon::same_role(t, &head)
                            || lexicon::title_abbreviation(t)
                                .is_some_and(|a| lexicon::same_role(a, &head))
                    })
            })
            .map(|&(_, _, ei, _)| ei)
            .collect();
        // (fit, current holder, latest mention token, entity)
        let mut holders: Vec<Holder> = Vec::new();
        let window = if identifying {
            &self.spans[..]
        } else {
            &self.spans[idx.saturating_sub(300)..idx]
        };
        for &(s, e, ei, name) in window {
            let ent = &self.entities[ei];
            // a named possessor is not its own relation (a pronoun's
            // referent is a guess, which must not veto the name)
            if !name || ent.kind != EntityType::Person || !pronoun_owner && owner == Some(ei) {
                continue;
            }
            let (first, end) = (tok_of(s), tok_of(e));
            if v.in_quote(first)
                || introduced_at.is_some_and(|k| first < k)
                || !identifying
                    && (e > cstart || here.saturating_sub(sent_of(first)) > MAX_SENTENCES_BACK)
            {
                continue;
            }
            // "a Democratic strategist" after "Al Poe, a Democratic
            // strategist," is another one: set indefinitely, a role
            // introduces someone new, so it names only a person the
            // article has not named before it ("A county judge ruled …"
            // before "Judge Ann Roe wrote")
            if reach == Reach::Indefinite
                && self.spans[..idx]
                    .iter()
                    .any(|&(_, _, other, named)| named && other == ei)
            {
                continue;
            }
            let role_words = || {
                ent.roles
                    .iter()
                    .flat_map(|r| r.split_whitespace())
                    .map(crate::text::lowercase)
            };
            // "the mother" is no man
            let contrary = match (gender, self.gender(ei)) {
                (Some(g), Some(h)) => g != h,
                _ => false,
            };
            if contrary {
                continue;
            }
            // "Jane Roe, 41,": the age set off after the name
            let age_after = v.s(end) == ","
                && v.s(end + 2) == ","
                && is_age_number(v.s(end + 1))
                && !v.in_quote(end + 1);
            // "his ex-wife, Ivy Roe," / "the party's nominee, Jane Roe."
            let before_at = description_before_name(v, first, end).filter(|&(opener, h)| {
                lexicon::same_role(&v.low(h), &head)
                    && (!owned
                        || (opener..=h)
                            .map(|k| v.low(k))
                            .eq(phrase.iter().map(|w| w.as_str()))
                        || hyphen_compound(v, h) == compound && owner_fits(Some(opener), h))
            });
            let before = before_at.is_some();
            // the appositive may follow an age or a party tag: "Jane Roe,
            // 41, a nurse,", "Jim Doe (R), Roe's rival,"
            let apposed = after_name_tag(v, end) + 1;
            let appositive_at = (v.s(apposed - 1) == ",")
                .then(|| appositive_head(v, apposed))
                .flatten()
                .filter(|&k| lexicon::same_role(&v.low(k), &head));
            let linked = if owned {
                // "ex-wife Ivy Roe", "his rival Al Poe"
                let premodifier = word_before_titles(v, first).is_some_and(|k| {
                    v.low(k) == head
                        && hyphen_compound(v, k) == compound
                        && owner_fits(possessor_before(v, k), k)
                });
                // "Al Poe, his rival,", "Al Poe, Roe's opponent,"
                let apposed = appositive_at.is_some_and(|k| {
                    hyphen_compound(v, k) == compound && owner_fits(Some(apposed), k)
                });
                before
                    || premodifier
                    || apposed
                    || owner.is_some_and(|o| self.runs_against(v, end, o, &head))
            } else if let Some(age) = &age {
                // an age names one person by itself: "Jane Roe, 41," or
                // "41-year-old Jane Roe"
                (age_after && age.strip_suffix("-year-old") == Some(v.s(end + 1)))
                    || first >= 2 && hyphen_compound(v, first - 1) == *age
            } else {
                let by_role =
                    titled.contains(&ei) || role_words().any(|w| lexicon::same_role(&w, &head));
                // "billionaire Jane Roe", "Ohio Sen. Jane Roe"
                // "billionaire Jane Roe"; "hosts Jane Roe and John Doe" names
                // its first person with the plural
                let premodifier = word_before_titles(v, first).is_some_and(|k| {
                    let w = v.low(k);
                    lexicon::same_role(&w, &head) || w.strip_suffix('s') == Some(head.as_ref())
                });
                by_role || premodifier || appositive_at.is_some() || before
            };
            if !linked {
                continue;
            }
            // the words around the name up to a comma or a conjunction:
            // "Ohio Sen. Jane Roe", "Jane Roe of Ohio"
            let stop = |k: usize| {
                v.is_terminal(k) || v.in_quote(k) || matches!(v.s(k), "," | ";" | "and" | "or")
            };
            let mut lo = first;
            while lo > first.saturating_sub(4) && !stop(lo - 1) {
                lo -= 1;
            }
            let mut hi = end;
            // "Jane Roe, R-Ohio,", "Jane Roe (R-Ohio)": the party and
            // state tag after the name
            if v.s(hi) == "," && is_party_state_tag(v, hi + 1) {
                hi += 1;
            } else if let Some(close) = party_parenthetical(v, hi) {
                hi = close + 1;
            }
            while hi < (end + 4).min(v.len()) && !stop(hi) {
                hi += 1;
            }
            // the description before the name says it too, and so does
            // the appositive after it ("Jane Roe, a Texas judge,": "the
            // Texas judge")
            if let Some((opener, _)) = before_at {
                lo = lo.min(opener);
            }
            if let Some(k) = appositive_at {
                hi = hi.max(k + 1);
            }
            let found = |m: &(String, bool)| {
                role_words().any(|w| w == m.0.as_str())
                    || (lo..hi).any(|k| {
                        let w = v.low(k);
                        w == m.0.as_str()
                            || w.strip_suffix(m.0.as_str())
                                .is_some_and(|p| p.len() == 2 && p.ends_with('-'))
                    })
            };
            // "the governor" is not someone introduced as "former Gov."
            let former = |k: usize| matches!(v.low(k).as_ref(), "former" | "ex");
            let stale = (lo..first).any(former) && !modifiers.iter().any(|m| m.0 == "former");
            // a proper modifier identifies ("the Ohio senator", "the
            // Democratic nominee"): a name described without it is another
            // person; a common one ("former") the article may leave out
            if modifiers.iter().any(|m| m.1 && !found(m)) {
                continue;
            }
            let fit = modifiers.iter().filter(|m| found(m)).count();
            // set indefinitely, a role other than an office one person
            // holds ("a judge", "a governor") is someone of the article
            // only when every word of it says so ("a Treasury spokesman"
            // of "Treasury spokesman Al Poe"; "a school spokesman" is no
            // ministry's, "a candidate" any of several)
            if reach == Reach::Indefinite
                && !lexicon::is_single_holder_office(&head)
                && (modifiers.is_empty() || fit < modifiers.len())
            {
                continue;
            }
            holders.push((fit, !stale, first, ei));
        }
        Some((holders, identifying))
    }

    /// "the spokeswoman for the Harbor Board said": the one person the
    /// article names with that role for that body, anywhere in it
    /// ("Board spokeswoman Jo Roe", "Jo Roe, a spokeswoman for the
    /// board,"). `Some(None)` when two people hold it for that body, `None`
    /// when nobody does or the object is no body (`mention` is the whole
    /// phrase, `head` the role before the preposition at `at`).
    fn agent_of_body(
        &self,
        v: &View<'_, '_>,
        mention: Range,
        head: Range,
        at: usize,
    ) -> Option<Option<usize>> {
        let last = mention.end.checked_sub(1).filter(|&k| k > at)?;
        let body = v.low(last);
        let mut first = at + 1;
        if lexicon::is_determiner(&v.low(first)) {
            first += 1;
        }
        let named_body = self
            .entity_at_head(
                v,
                Range {
                    first,
                    end: mention.end,
                },
            )
            .is_some_and(|ei| self.entities[ei].kind == EntityType::Organization);
        if !(named_body || lexicon::is_org_head(&body)) || v.cap(at - 1) {
            return None;
        }
        let (found, _) = self.role_holders(v, head, Reach::Article)?;
        let mut tied: Vec<usize> = found
            .iter()
            .filter(|h| self.described_with(v, h.3, &body) || appositive_says(v, h.2, &body))
            .map(|h| h.3)
            .collect();
        tied.sort_unstable();
        tied.dedup();
        match tied.as_slice() {
            [] => None,
            [ei] => Some(Some(*ei)),
            _ => Some(None),
        }
    }

    /// The person the latest "his" or "her" outside quotations in the
    /// three sentences before token `at` stands for, with how many
    /// sentences back it stands; one of `gender` when that is known.
    fn possessive_topic(
        &self,
        v: &View<'_, '_>,
        at: usize,
        gender: Option<Gender>,
    ) -> Option<(usize, u32)> {
        const MAX_SENTENCES_BACK: u32 = 3;
        let sent_of = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.sentence);
        let here = sent_of(at);
        let k = (at.saturating_sub(200)..at)
            .rev()
            .take_while(|&k| here.saturating_sub(sent_of(k)) <= MAX_SENTENCES_BACK)
            .find(|&k| !v.in_quote(k) && matches!(v.low(k).as_ref(), "his" | "her"))?;
        let said = if v.low(k) == "his" {
            Gender::Male
        } else {
            Gender::Female
        };
        if gender.is_some_and(|g| g != said) {
            return None;
        }
        let ei = self.pronoun_referent(v, k)?;
        Some((ei, here.saturating_sub(sent_of(k))))
    }

    /// Whether a mention of entity `ei` in the sentence `back` sentences
    /// before token `at` is joined by "and" to another person who `fits`
    /// ("Ann Roe and Jill Poe spoke"): a description of one of them
    /// names neither.
    fn coordinated_with(
        &self,
        v: &View<'_, '_>,
        ei: usize,
        at: usize,
        back: u32,
        fits: impl Fn(usize) -> bool,
    ) -> bool {
        let toks = v.text.tokens();
        let sent_of = |k: usize| toks.get(k).map_or(0, |t| t.sentence);
        let Some(target) = sent_of(at).checked_sub(back) else {
            return false;
        };
        let tok_of = |c: usize| toks.partition_point(|t| (t.cstart as usize) < c);
        let cstart = toks.get(at).map_or(0, |t| t.cstart as usize);
        let idx = self.spans.partition_point(|s| s.0 < cstart);
        // (first, end, entity) of the person names of that sentence
        let names: Vec<(usize, usize, usize)> = self.spans[idx.saturating_sub(400)..idx]
            .iter()
            .filter(|&&(_, _, e, named)| named && self.entities[e].kind == EntityType::Person)
            .map(|&(s, e, o, _)| (tok_of(s), tok_of(e), o))
            .filter(|&(first, _, _)| sent_of(first) == target && !v.in_quote(first))
            .collect();
        let joined = |a: &(usize, usize, usize), b: &(usize, usize, usize)| {
            b.0 == a.1 + 1 && matches!(v.low(a.1).as_ref(), "and" | "&")
        };
        names.iter().any(|a| {
            names.iter().any(|b| {
                (a.2 == ei && b.2 != ei && fits(b.2) || b.2 == ei && a.2 != ei && fits(a.2))
                    && joined(a, b)
            })
        })
    }

    /// The entity a possessive pronoun at `at` stands for: its best named
    /// antecedent.
    fn pronoun_referent(&self, v: &View<'_, '_>, at: usize) -> Option<usize> {
        let gender = match v.low(at).as_ref() {
            "his" => Gender::Male,
            "her" => Gender::Female,
            _ => return None,
        };
        let written = Speaker {
            name: v.s(at).to_string(),
            entity: None,
            text: v.s(at).to_string(),
            start: 0,
            end: 0,
        };
        if let Some(ei) = self
            .relative_clause_possessor(v, at)
            .filter(|&ei| self.gender(ei).is_none_or(|g| g == gender))
        {
            return Some(ei);
        }
        let mut found = Vec::new();
        self.antecedents(v, at, Animacy::Person, Some(gender), &written, &mut found);
        found.retain(|c| c.features.named);
        let id = choice::best(found)?.speaker.entity?;
        self.by_id.get(id.as_str()).copied()
    }

    /// The named possessor of the noun a relative clause holding the
    /// possessive pronoun at `at` describes: "Roe toured Dell's farm,
    /// where his workers …" (the farm's owner, not the sentence's
    /// subject). The pronoun must follow the relative word within a few
    /// lowercase words, and the described phrase is a few lowercase words
    /// after "Name's" ("Dell's old farm,").
    fn relative_clause_possessor(&self, v: &View<'_, '_>, at: usize) -> Option<usize> {
        let lowercase = |k: usize| v.is_word(k) && !v.cap(k) && !v.in_quote(k);
        let mut r = at.checked_sub(1)?;
        while r + 4 > at && lowercase(r) && !lexicon::is_relative_word(&v.low(r)) {
            r = r.checked_sub(1)?;
        }
        if !lexicon::is_relative_word(&v.low(r)) || v.s(r.checked_sub(1)?) != "," {
            return None;
        }
        // the noun phrase before the comma, back to its possessive mark
        let mut mark = r.checked_sub(2)?;
        while mark + 5 > r
            && !v.is_possessive(mark)
            && lowercase(mark)
            && !lexicon::is_determiner(&v.low(mark))
        {
            mark = mark.checked_sub(1)?;
        }
        if mark + 2 >= r || !possessor_mark(v, mark) {
            return None;
        }
        let end = mark;
        let mut first = end;
        while first + 4 > end
            && first > 0
            && (v.cap(first - 1) || is_dot_of_initial(v, first - 1))
            && !v.in_quote(first - 1)
        {
            first -= 1;
        }
        if first == end {
            return None;
        }
        let ei = self.entity_at_head(v, Range { first, end })?;
        (self.entities.get(ei)?.kind == EntityType::Person).then_some(ei)
    }

    /// "Al Poe, who is running against Roe,": the name ending at `end`
    /// is described as the rival of person `owner` when the relation noun
    /// `head` is one of rivalry.
    fn runs_against(&self, v: &View<'_, '_>, end: usize, owner: usize, head: &str) -> bool {
        if !lexicon::is_rival_noun(head) || v.s(end) != "," || v.low(end + 1) != "who" {
            return false;
        }
        let Some(k) = (end + 2..(end + 6).min(v.len())).find(|&k| {
            matches!(
                v.low(k).as_ref(),
                "against" | "challenging" | "challenged" | "opposing"
            )
        }) else {
            return false;
        };
        (k + 1..(k + 4).min(v.len()))
            .take_while(|&j| v.cap(j) || is_dot_of_initial(v, j))
            .any(|j| {
                self.entity_at_head(
                    v,
                    Range {
                        first: j,
                        end: j + 1,
                    },
                ) == Some(owner)
            })
    }

    /// How the article describes person `ei`, before token `at`, against
    /// a party-member noun `member` ("republican"): `Some(false)` when it
    /// ties the person to another party (a tag "D-Ohio" for a Republican,
    /// "Democrat Jane Roe"), `Some(true)` when it names the person a
    /// member of that party or an elected politician ("Republican Jane
    /// Roe", "Jane Roe, a Republican,", "Jane Roe (R-Utah)", "Rep. Jane
    /// Roe", a role "senator"), `None` when it says neither. The words
    /// before a name up to a comma and those of an appositive after it
    /// count, cut at `at` so that the description itself says nothing of
    /// a name just before it.
    fn party_fit(&self, v: &View<'_, '_>, ei: usize, member: &str, at: usize) -> Option<bool> {
        let ent = &self.entities[ei];
        let toks = v.text.tokens();
        let tok_of = |c: usize| toks.partition_point(|t| (t.cstart as usize) < c);
        let office_word = |w: &str| {
            let w = w.trim_end_matches('.');
            lexicon::is_elected_office(lexicon::title_abbreviation(w).unwrap_or(w))
        };
        let stop = |k: usize| {
            v.is_terminal(k) || v.in_quote(k) || matches!(v.s(k), "," | ";" | "and" | "or")
        };
        let mut tag = None;
        let mut office = false;
        let mut near: HashSet<String> = ent
            .roles
            .iter()
            .flat_map(|r| r.split_whitespace())
            .map(|r| crate::text::lowercase(r).into_owned())
            .collect();
        for m in ent.mentions.iter().take(32) {
            let (first, end) = (tok_of(m.start), tok_of(m.end));
            if v.in_quote(first) || end > at {
                continue;
            }
            office = office || titles_before(v, first).any(|k| office_word(&v.low(k)));
            let after = if matches!(v.s(end), "," | "(") {
                end + 1
            } else {
                end
            };
            if is_party_state_tag(v, after) {
                tag = tag.or_else(|| v.s(after).chars().next());
            }
            let mut lo = first;
            while lo > first.saturating_sub(4) && !stop(lo - 1) {
                lo -= 1;
            }
            near.extend((lo..first).map(|k| v.low(k).into_owned()));
            // after the name only an appositive describes it ("Jane Roe,
            // a Republican,"), not a phrase the name opens ("Roe's
            // Republican rivals")
            if after > end {
                let mut hi = after;
                while hi < (after + 4).min(at) && !stop(hi) {
                    hi += 1;
                }
                near.extend((after..hi).map(|k| v.low(k).into_owned()));
            }
        }
        office = office || near.iter().any(|w| office_word(w));
        let party = parties::by_member(member);
        let own = party.map(|p| p.letter);
        let mine = party.map_or(&[][..], |p| p.words);
        let named = near.contains(member) || mine.iter().any(|w| near.contains(*w));
        // another party's words set the person apart, for a party that
        // has words of its own (not an independent)
        let rival_named = !mine.is_empty()
            && parties::PARTIES
                .iter()
                .filter(|p| Some(p.letter) != own)
                .flat_map(|p| p.words)
                .any(|w| near.contains(*w));
        let contrary = match (own, tag) {
            (Some(a), Some(b)) => a != b,
            _ => !named && rival_named,
        };
        if contrary {
            Some(false)
        } else if named || office || tag.is_some() && own.is_some() {
            Some(true)
        } else {
            None
        }
    }

    /// The person a definite description at token `at` takes up when no
    /// description in the article matches it: among the people named
    /// first in their sentence (the sentence's topic, not an object)
    /// outside quotations and headlines in the few sentences before: of
    /// the nearest sentence, then the one the article has named most so
    /// far (the person it is about); `fits` must accept it. A speaker
    /// resolved there counts as a subject mention of its entity, whatever
    /// took it up ("Roe said … he did say … the tycoon said"). In the
    /// description's own sentence, the subject opening it is someone else
    /// ("Roe said the senator …"), a name in a clause before it may be the
    /// one ("When Doe asked whether Roe would run, the senator said …").
    /// With the sentences back to its latest mention.
    fn salient_person_before(
        &self,
        v: &View<'_, '_>,
        at: usize,
        fits: impl Fn(usize) -> bool,
    ) -> Option<(usize, u32)> {
        const MAX_SENTENCES_BACK: u32 = 3;
        let toks = v.text.tokens();
        let sent_of = |k: usize| toks.get(k).map_or(0, |t| t.sentence);
        let here = sent_of(at);
        let cstart = toks.get(at)?.cstart as usize;
        let tok_of = |c: usize| toks.partition_point(|t| (t.cstart as usize) < c);
        let idx = self.spans.partition_point(|s| s.0 < cstart);
        let object = |tok: usize| {
            tok > 0
                && (lexicon::is_object_marker(&v.low(tok - 1))
                    || v.verbish(tok - 1)
                    || v.irregular_past(tok - 1))
        };
        // a sentence opening with a subordinate clause ("When Roe left,
        // Doe said …"): its first name is not the sentence's topic
        let subordinate = |tok: usize| {
            let opener = v.low(v.sentence(tok).first);
            lexicon::is_left_barrier(&opener)
                && !matches!(opener.as_ref(), "and" | "but" | "or" | "nor" | "so" | "yet")
        };
        let mut counts: HashMap<usize, usize> = HashMap::new();
        let mut subject_here: Vec<usize> = Vec::new();
        // (entity, latest mention token taken as a topic)
        let mut window: Vec<(usize, usize)> = Vec::new();
        // the sentence of the latest person or organisation name seen
        let mut named_sentence = None;
        for &(s, e, ei, name) in &self.spans[idx.saturating_sub(400)..idx] {
            let kind = self.entities[ei].kind;
            if !name || e > cstart || !matches!(kind, EntityType::Person | EntityType::Organization)
            {
                continue;
            }
            let tok = tok_of(s);
            if v.in_quote(tok) {
                continue;
            }
            let sent = sent_of(tok);
            let first_named = named_sentence != Some(sent);
            named_sentence = Some(sent);
            if kind != EntityType::Person {
                continue;
            }
            *counts.entry(ei).or_default() += 1;
            let back = here.saturating_sub(sent);
            if back == 0 && opens_main_clause(v, tok) {
                subject_here.push(ei);
            } else if back <= MAX_SENTENCES_BACK
                && (opens_main_clause(v, tok) || back == 0 || first_named && !subordinate(tok))
                && !object(tok)
                && !(back == 0 && in_dash_aside(v, tok, at))
                && tok >= v.title_line_end
            {
                window.retain(|w| w.0 != ei);
                window.push((ei, tok));
            }
        }
        // the speakers resolved in those sentences, in body order
        let mut speakers: Vec<(usize, usize)> = self
            .history
            .iter()
            .rev()
            .take(16)
            .filter(|r| r.at < at && r.animacy == Animacy::Person && !v.in_quote(r.at))
            .filter_map(|r| Some((*self.by_id.get(r.speaker.entity.as_deref()?)?, r.at)))
            .filter(|&(ei, _)| self.entities[ei].kind == EntityType::Person)
            .collect();
        speakers.reverse();
        for (ei, tok) in speakers {
            let back = here.saturating_sub(sent_of(tok));
            if back == 0 {
                subject_here.push(ei);
            } else if back <= MAX_SENTENCES_BACK
                && tok >= v.title_line_end
                && window.iter().all(|w| w.0 != ei || w.1 < tok)
            {
                window.retain(|w| w.0 != ei);
                window.push((ei, tok));
            }
        }
        window
            .into_iter()
            .filter(|&(ei, _)| !subject_here.contains(&ei) && fits(ei))
            .max_by_key(|&(ei, tok)| (sent_of(tok), counts.get(&ei).copied().unwrap_or(0), tok))
            .map(|(ei, tok)| (ei, here.saturating_sub(sent_of(tok))))
    }

    /// The description of the set a bare quantity at token `at` ("One",
    /// "Another", word `q`) takes one or more of: the speaker just before
    /// when written as one of a kind ("one user wrote … Another said" ->
    /// "another user"), or a number of people opening one of the two
    /// sentences before ("Two aides spoke … One said" -> "one of the two
    /// aides"). `None` when the article names no set there.
    fn quantity_set_name(&self, v: &View<'_, '_>, at: usize, q: &str) -> Option<String> {
        let sent_of = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.sentence);
        let here = sent_of(at);
        if let Some(prev) = self.history.last().filter(|p| {
            p.at < at && p.speaker.entity.is_none() && here.saturating_sub(sent_of(p.at)) <= 2
        }) {
            let text = crate::text::lowercase(&prev.speaker.text);
            let kind = text
                .split_once(' ')
                .filter(|(det, _)| matches!(*det, "one" | "a" | "an" | "another"))
                .map(|(_, rest)| rest.to_string());
            if let (Some(kind), "one" | "another") = (kind, q) {
                return Some(format!("{q} {kind}"));
            }
        }
        let from = v.sentence(v.sentence(at).first.saturating_sub(1)).first;
        let from = v.sentence(from.saturating_sub(1)).first.min(from);
        (from..at).rev().find_map(|k| {
            let set = people_count_phrase(v, k)?;
            let words: Vec<String> = (set.first..set.end)
                .map(|j| v.low(j).into_owned())
                .collect();
            Some(format!("{q} of the {}", words.join(" ")))
        })
    }

    /// Whether the article describes entity `ei` with the word `w` (a
    /// modifier of a description, "ohio" of "the Ohio senator"): one of
    /// its roles holds it, or it stands next to a mention of the name
    /// ("Ohio Sen. Jane Roe", "Jane Roe of Ohio"), within the words up to
    /// a comma or a conjunction.
    fn described_with(&self, v: &View<'_, '_>, ei: usize, w: &str) -> bool {
        let ent = &self.entities[ei];
        if ent
            .roles
            .iter()
            .flat_map(|r| r.split_whitespace())
            .any(|r| crate::text::lowercase(r) == w)
        {
            return true;
        }
        let toks = v.text.tokens();
        let tok_of = |c: usize| toks.partition_point(|t| (t.cstart as usize) < c);
        let stop = |k: usize| {
            v.is_terminal(k) || v.in_quote(k) || matches!(v.s(k), "," | ";" | "and" | "or")
        };
        ent.mentions.iter().take(32).any(|m| {
            let (first, end) = (tok_of(m.start), tok_of(m.end));
            let mut lo = first;
            while lo > first.saturating_sub(4) && !stop(lo - 1) {
                lo -= 1;
            }
            let mut hi = end;
            while hi < (end + 4).min(v.len()) && !stop(hi) {
                hi += 1;
            }
            (lo..hi).any(|k| v.low(k) == w)
        })
    }

    /// The person a definite description opening the sentence before
    /// token `at` stands for ("The former mayor also spoke of …"), when
    /// the article described that person so ([`Resolver::described_person`]);
    /// or one opening the pronoun's own sentence as the subject of a verb
    /// before it ("The mayor denounced what he called …"; not "The new
    /// mayor, he said, …", where the phrase is in the content).
    fn described_opener(&self, v: &View<'_, '_>, at: usize) -> Option<(Range, usize)> {
        let own = v.sentence(at);
        let opener = |sent: Range| {
            let first = sent.first;
            if first >= at || v.in_quote(first) || v.low(first) != "the" {
                return None;
            }
            v.np_rightward(first, sent.end.min(at))
        };
        let np = match opener(own) {
            Some(np) if np.end < at && (v.verbish(np.end) || v.irregular_past(np.end)) => np,
            _ => opener(v.sentence(own.first.checked_sub(1)?))?,
        };
        Some((np, self.described_person(v, np)?))
    }

    /// Whether entity `ei` is a family named in the plural ([`family`],
    /// computed once per article).
    fn is_family(&self, ei: usize) -> bool {
        self.families.get(ei).copied().unwrap_or(false)
    }

    fn entity_by_role(&self, head: &str) -> Option<usize> {
        if head.len() < 3 {
            return None;
        }
        self.by_role.get(head).copied().flatten()
    }

    /// Names ending before token `at`, latest first, at most `k` of them.
    fn names_before(&self, at: usize, k: usize) -> impl Iterator<Item = &NameRun> {
        let idx = self.names.partition_point(|n| n.range.end <= at);
        self.names[idx.saturating_sub(k)..idx].iter().rev()
    }

    /// "his campaign said", "her lawyers argue": the campaign or the
    /// lawyers of the person the possessive stands for, named after that
    /// person ("Jane Roe's campaign") so that an alert reads without the
    /// article. They speak for themselves: the speaker is not the person,
    /// and no entity of the article is this speaker. `None` when the
    /// pronoun finds no named antecedent.
    fn owner_named(&self, v: &View<'_, '_>, mention: Range, written: &Speaker) -> Option<Choice> {
        let gender = match v.low(mention.first).as_ref() {
            "his" => Gender::Male,
            "her" => Gender::Female,
            _ => return None,
        };
        let head = v.low(mention.end.checked_sub(1)?);
        if mention.end < mention.first + 2
            || !lexicon::is_associate_head(&head)
            || (mention.first + 1..mention.end).any(|k| !v.is_word(k) || v.cap(k))
        {
            return None;
        }
        let owner = match self
            .relative_clause_possessor(v, mention.first)
            .filter(|&ei| self.gender(ei).is_none_or(|g| g == gender))
        {
            Some(ei) => self.entity_choice(ei, Source::NearestMention, written),
            None => {
                let mut found = Vec::new();
                self.antecedents(
                    v,
                    mention.first,
                    Animacy::Person,
                    Some(gender),
                    written,
                    &mut found,
                );
                // a person of the article's entities, not an earlier
                // speaker known only by a phrase ("Jane Roe's spokesman")
                found.retain(|c| c.features.named && c.speaker.entity.is_some());
                choice::best(found)?
            }
        };
        let rest = v.text.token_span(mention.first + 1, mention.end)?;
        let animacy = associate_animacy(&head);
        Some(Choice {
            source: Source::CueSubject,
            speaker: Speaker {
                name: format!("{}'s {}", owner.speaker.name, rest.text),
                entity: None,
                ..written.clone()
            },
            animacy,
            // the head noun says it, if anything does, not the owner's name
            gender: noun_gender(&head),
            features: Features::default(),
        })
    }

    /// The possessor `owner` of a possession made of words ("Roe's
    /// rhetoric", "his stern warning"): a name resolved as a name, a
    /// possessive pronoun as its antecedent.
    fn possessor(&mut self, v: &View<'_, '_>, owner: Range) -> Option<Resolved> {
        let (want, gender) = match v.low(owner.first).as_ref() {
            "his" => (Animacy::Person, Some(Gender::Male)),
            "her" => (Animacy::Person, Some(Gender::Female)),
            "their" => (Animacy::Group, None),
            "its" => (Animacy::Org, None),
            _ => return self.resolve(v, owner),
        };
        let span = v.text.token_span(owner.first, owner.end)?;
        let written = Speaker {
            name: span.text.to_string(),
            entity: None,
            text: span.text.to_string(),
            start: span.start,
            end: span.end,
        };
        let mut found = Vec::new();
        self.antecedents(v, owner.first, want, gender, &written, &mut found);
        found.retain(|c| c.features.named);
        let c = choice::best(found)?;
        let r = Resolved {
            speaker: c.speaker,
            animacy: c.animacy,
            gender: c.gender.or(gender),
            at: owner.first,
        };
        self.history.push(r.clone());
        Some(r)
    }

    /// Antecedent candidates of a pronoun (or role phrase) at token `at`:
    /// the latest compatible previous speaker, the nearest compatible
    /// mention and, when that one is an object, the first subject of its
    /// sentence; for "he", "she" and "they", also the referent of the same pronoun
    /// as a recent subject (see [`Resolver::pronoun_chain`]). Animacy,
    /// number (`want`) and gender must agree.
    fn antecedents(
        &self,
        v: &View<'_, '_>,
        at: usize,
        want: Animacy,
        gender: Option<Gender>,
        written: &Speaker,
        out: &mut Vec<Choice>,
    ) {
        // first: on a tie with a name of the same sentence, the pronoun
        // subject keeps the topic ("He praised Doe's plan.")
        if let Some(c) = self.pronoun_chain(v, at, want, gender, written, 0) {
            out.push(c);
        }
        self.antecedents_named(v, at, want, gender, written, out);
    }

    /// "When the panel asked Roe about Doe, he praised Doe's plan. “…,” he
    /// said.": a nominative pronoun is always a subject, so when the same
    /// pronoun stood as a subject in the sentences just before, the cue's
    /// pronoun continues its referent, whatever names that sentence holds
    /// after it. The earlier pronoun is resolved the same way (a bounded
    /// chain), and the candidate stands where that pronoun stands.
    fn pronoun_chain(
        &self,
        v: &View<'_, '_>,
        at: usize,
        want: Animacy,
        gender: Option<Gender>,
        written: &Speaker,
        depth: u8,
    ) -> Option<Choice> {
        const MAX_DEPTH: u8 = 2;
        const SENTENCES_BACK: u32 = 2;
        // "he", "she" and "they": a gendered pronoun rarely switches
        // referent without a name in between, and a plural subject "they"
        // keeps the group the sentences are about ("Roe's aides met
        // donors. They were upbeat, though until voters decide, they
        // said, …")
        let form = match (want, gender) {
            (Animacy::Person, Some(Gender::Male)) => "he",
            (Animacy::Person, Some(Gender::Female)) => "she",
            (Animacy::Group, None) => "they",
            _ => return None,
        };
        if depth > MAX_DEPTH {
            return None;
        }
        let sent_of = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.sentence);
        let here = sent_of(at);
        let floor = v
            .text
            .sentences()
            .get(here.saturating_sub(SENTENCES_BACK) as usize)?
            .first as usize;
        let k = (floor..at)
            .rev()
            .find(|&k| v.is_word(k) && !self.spoken_about(v, k) && v.low(k) == form)?;
        let mut earlier = Vec::new();
        if let Some(c) = self.pronoun_chain(v, k, want, gender, written, depth + 1) {
            earlier.push(c);
        }
        self.antecedents_named(v, k, want, gender, written, &mut earlier);
        let found = choice::best(earlier)?;
        let prev = if k > 0 { v.low(k - 1) } else { "".into() };
        // the main clause's subject: first in its sentence, or after an
        // opening clause or a coordinating conjunction
        let opens = v.text.is_sentence_start(k)
            || matches!(prev.as_ref(), "," | "and" | "but" | "then" | "so");
        Some(Choice {
            source: Source::NearestMention,
            features: Features {
                named: found.features.named,
                sentences_back: here.saturating_sub(sent_of(k)),
                object: false,
                nearest_in_sentence: true,
                gender_agrees: gender.is_some(),
                opens_sentence: opens,
                subordinate: false,
            },
            ..found
        })
    }

    /// The candidates of [`Resolver::antecedents`] that a name or an
    /// earlier speaker gives.
    fn antecedents_named(
        &self,
        v: &View<'_, '_>,
        at: usize,
        want: Animacy,
        gender: Option<Gender>,
        written: &Speaker,
        out: &mut Vec<Choice>,
    ) {
        let ok = |a: Animacy| match want {
            Animacy::Person => a == Animacy::Person || a == Animacy::Unknown,
            Animacy::Org => a == Animacy::Org,
            Animacy::Group => a == Animacy::Group || a == Animacy::Org,
            Animacy::Unknown => true,
        };
        // "she" never takes a name that says "he", and the reverse
        let agreement = |other: Option<Gender>| match (gender, other) {
            (Some(g), Some(h)) => Some(g == h),
            _ => None,
        };
        let same_gender = |other: Option<Gender>| agreement(other) != Some(false);
        let sent_of = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.sentence);
        let here = sent_of(at);
        let candidate =
            |source, name: String, entity: Option<String>, a, g, tok, features| Choice {
                source,
                speaker: Speaker {
                    name,
                    entity,
                    ..written.clone()
                },
                animacy: a,
                gender: g,
                features: Features {
                    sentences_back: here.saturating_sub(sent_of(tok)),
                    ..features
                },
            };
        // the narrator's "I", though resolved to the author, is never
        // "she" or "he" in the author's own text
        let narrator = |r: &Speaker| matches!(r.text.as_str(), "I" | "We" | "we");
        let prev = self.history.iter().rev().take(64).find(|r| {
            r.at < at
                && ok(r.animacy)
                && !is_pronoun_text(&r.speaker.name)
                && !narrator(&r.speaker)
                && same_gender(r.gender)
        });
        if let Some(p) = prev {
            // a name (an entity, a capitalized run), not a phrase as
            // written; a group is a phrase by nature ("the heads of both
            // firms … they")
            let named = p.speaker.entity.is_some()
                || p.animacy == Animacy::Group
                || p.speaker
                    .name
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    && !lexicon::is_determiner(&crate::text::lowercase(
                        p.speaker.name.split_whitespace().next().unwrap_or(""),
                    ));
            let features = Features {
                named,
                gender_agrees: agreement(p.gender) == Some(true),
                ..Features::default()
            };
            out.push(candidate(
                Source::PreviousSpeaker,
                p.speaker.name.clone(),
                p.speaker.entity.clone(),
                p.animacy,
                p.gender,
                p.at,
                features,
            ));
        }
        // "A young nurse, meanwhile, lost her job. “…,” she said.": an
        // unnamed person opening this sentence or the one before is a
        // newer topic than any name further back
        if want == Animacy::Person {
            // a definite phrase the article uses for a named person ("the
            // senator who …") is that person's, below
            let described =
                |r: Range| v.low(r.first) == "the" && self.described_opener(v, at).is_some();
            if let Some((r, name)) =
                introduced_person(v, at, gender).filter(|(r, _)| !described(*r))
            {
                let features = Features {
                    opens_sentence: true,
                    nearest_in_sentence: true,
                    gender_agrees: gender.is_some(),
                    ..Features::default()
                };
                // the phrase's head agrees with the pronoun, which says
                // the gender ("a teacher … she")
                out.push(candidate(
                    Source::NearestMention,
                    name,
                    None,
                    Animacy::Person,
                    gender,
                    r.first,
                    features,
                ));
            }
        }
        // "A review by the ombudsman found gaps. It said …": a document
        // opening the sentence before is what "it" takes up, a newer
        // topic than any organization named further back
        if want == Animacy::Org {
            if let Some(np) = introduced_document(v, at) {
                let issued = self.document_issuer(v, np);
                let span = v.text.token_span(np.first, np.end);
                let named = match (issued, span) {
                    (Some(c), _) => Some((c.speaker.name, c.speaker.entity)),
                    (None, Some(sp)) => Some((sp.text.to_string(), None)),
                    (None, None) => None,
                };
                if let Some((name, entity)) = named {
                    let features = Features {
                        opens_sentence: true,
                        nearest_in_sentence: true,
                        ..Features::default()
                    };
                    out.push(candidate(
                        Source::NearestMention,
                        name,
                        entity,
                        Animacy::Org,
                        None,
                        np.first,
                        features,
                    ));
                }
            }
        }
        // "The retired judge then turned to the budget. He said …": a
        // description of a named person opening the sentence before is
        // its subject, whatever names its object holds
        if want == Animacy::Person {
            if let Some((np, ei)) = self.described_opener(v, at) {
                let e = &self.entities[ei];
                if same_gender(self.gender(ei)) {
                    let features = Features {
                        named: true,
                        opens_sentence: true,
                        nearest_in_sentence: true,
                        gender_agrees: agreement(self.gender(ei)) == Some(true),
                        ..Features::default()
                    };
                    out.push(candidate(
                        Source::NearestMention,
                        self.full_name(ei),
                        Some(e.id.clone()),
                        Animacy::Person,
                        self.gender(ei),
                        np.first,
                        features,
                    ));
                }
            }
        }
        // "they" stands for a plural: names joined by "and" or a plural
        // noun phrase, the subject of its clause in this sentence or the
        // two before ("Roe and Doe wrote …", "Doe's aides insist …")
        if want == Animacy::Group {
            let coordinated = self
                .coordinated_persons(v, at)
                .map(|(k, n)| (k, None, n, true));
            let plural = plural_subject(v, at, self.content).map(|(k, h, n, m)| (k, Some(h), n, m));
            for (first, head, name, main) in coordinated.into_iter().chain(plural) {
                // a plural name the tagger took for an entity ("Senate
                // Democrats") keeps its entity
                let entity = head.and_then(|h| {
                    let t = v.text.tokens().get(h)?;
                    let ei = self.entity_at(t.cstart as usize, t.cend as usize, usize::MAX)?;
                    (self.entities[ei].kind != EntityType::Person)
                        .then(|| (self.full_name(ei), self.entities[ei].id.clone()))
                });
                let (name, entity) = match entity {
                    Some((n, id)) => (n, Some(id)),
                    None => (name, None),
                };
                // a subject of a subordinate clause yields to the main
                // clause's ("… until voters decide, they said")
                let features = Features {
                    nearest_in_sentence: main,
                    opens_sentence: main,
                    ..Features::default()
                };
                out.push(candidate(
                    Source::NearestMention,
                    name,
                    entity,
                    Animacy::Group,
                    None,
                    first,
                    features,
                ));
            }
        }
        // mentions before the pronoun
        if self.entities.is_empty() {
            let m = self
                .names_before(at, 200)
                .find(|n| n.subject && ok(n.animacy) && n.animacy != Animacy::Unknown)
                .map(|n| {
                    let (name, a) = self.fullest(v, n.range);
                    (n.range.first, name_gender(&name), name, a)
                })
                .filter(|m| same_gender(m.1));
            if let Some((tok, g, name, a)) = m {
                let features = Features {
                    named: true,
                    nearest_in_sentence: true,
                    gender_agrees: agreement(g) == Some(true),
                    ..Features::default()
                };
                out.push(candidate(
                    Source::NearestMention,
                    name,
                    None,
                    a,
                    g,
                    tok,
                    features,
                ));
            }
            return;
        }
        let cstart = v.text.tokens().get(at).map_or(0, |t| t.cstart as usize);
        let tok_of = |c: usize| v.text.tokens().partition_point(|t| (t.cstart as usize) < c);
        let idx = self.spans.partition_point(|s| s.0 < cstart);
        let mentions = self.spans[idx.saturating_sub(200)..idx]
            .iter()
            .rev()
            .filter(|s| s.1 <= cstart && s.3)
            .filter_map(|&(s, _, ei, _)| {
                let e = &self.entities[ei];
                let a = match e.kind {
                    EntityType::Person => Animacy::Person,
                    EntityType::Organization => Animacy::Org,
                    _ => return None,
                };
                // a name inside a quotation is spoken about, not speaking;
                // a family ("the Roes") is no "he" or "she"
                let tok = tok_of(s);
                let family = gender.is_some() && self.is_family(ei);
                let fits = ok(a) && same_gender(self.gender(ei)) && !family;
                (fits && !v.in_quote(tok)).then_some((
                    tok,
                    ei,
                    a,
                    agreement(self.gender(ei)) == Some(true),
                ))
            });
        // A name inside the content being resolved is spoken about when
        // someone stands outside it in this sentence or the one before, a
        // named previous speaker or a mention: "Doe spoke next. Also, Roe
        // is no conservative, he said." is Doe's. With no one there, the
        // content's own subject is the topic the pronoun takes up ("At the
        // rally, Roe was shocked by the crowd, she said.").
        let in_content = |tok: usize| self.content.is_some_and(|c| c.first <= tok && tok < c.end);
        // a paragraph quoted as a block ("the paper wrote:" and its text)
        // is no narration: "it" after it looks past it
        let block = block_quote_before(v, at);
        let near = |tok: usize| {
            let back = here.saturating_sub(sent_of(tok));
            match block {
                Some((first, sentences)) if tok < first => back.saturating_sub(sentences) <= 1,
                _ => back <= 1,
            }
        };
        let someone_outside = prev.is_some_and(|p| p.speaker.entity.is_some() && near(p.at))
            || mentions
                .clone()
                .find(|m| !in_content(m.0))
                .is_some_and(|m| near(m.0));
        // after a preposition, a possessive or a verb ("endorsed Roe",
        // "supporting Roe", "including Roe"), or an infinitive's plain
        // verb the tagger does not know as one ("willing to back Roe")
        let object = |tok: usize| {
            tok > 0
                && (lexicon::is_object_marker(&v.low(tok - 1))
                    || v.verbish(tok - 1)
                    || v.irregular_past(tok - 1)
                    || ing_form(v, tok - 1)
                    || tok > 1
                        && v.low(tok - 2) == "to"
                        && v.is_word(tok - 1)
                        && !v.cap(tok - 1)
                        && !lexicon::is_determiner(&v.low(tok - 1)))
        };
        // a possessor ("Doe's plan") modifies the subject: the first
        // subject only when the sentence names no other
        let possessor = |tok: usize| {
            let mut end = tok;
            while end < v.len() && v.is_word(end) && v.cap(end) {
                end += 1;
            }
            end > tok && possessor_mark(v, end)
        };
        // "they" takes an organization only as the subject of its own
        // sentence or the one before ("Acme denied it. They said …"): a
        // name further back, an object or a possessor is most often not
        // what a plural pronoun stands for ("Doe's allies bristle … they
        // insist" is the allies, a phrase no entity holds)
        // "it" takes one no further back either ("Acme hired staff. The
        // bureau … Even so, it declared" is the bureau, not Acme), though
        // as an object too ("a firm called Acme, which sells what it
        // calls …")
        let org_for_they = |m: &(usize, usize, Animacy, bool)| {
            !(m.2 == Animacy::Org
                && match want {
                    Animacy::Group => !near(m.0) || object(m.0) || possessor(m.0),
                    Animacy::Org => !near(m.0),
                    _ => false,
                })
        };
        // the first subject mention of a sentence opens its main clause
        // no person or organization is named before the mention in its
        // sentence, and the mention is no modifier of a name after it
        // ("former Roe aide Jane Doe")
        let spans = &self.spans;
        let entities = self.entities;
        let opens = |tok: usize| {
            // "After a call with Doe, Roe flew home": the first name after
            // the opening clause's comma opens the main clause, and none
            // inside that clause does
            if let Some(m) = fronted_clause_end(v, v.sentence(tok)) {
                if tok < m {
                    return false;
                }
                if (m..tok).all(|k| v.cap(k) || v.s(k) == ".") {
                    return true;
                }
            }
            let c = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.cstart as usize);
            let (lo, hi) = (c(v.sentence(tok).first), c(tok));
            let from = spans.partition_point(|s| s.0 < lo);
            // "At a rally in Ohio, Roe said …", "When Doe left, Roe said
            // …": the name after an opening adverbial phrase or clause
            // opens the main clause, whatever the phrase names
            let sent_first = v.sentence(tok).first;
            let opener = v.low(sent_first);
            let after_opener = (lexicon::is_np_preposition(&opener)
                || lexicon::is_pure_determiner(&opener)
                || lexicon::is_time_word(&opener)
                || lexicon::is_left_barrier(&opener))
                && comma_before_titles(v, tok)
                // no verb before: a phrase, not a clause with its own
                // subject ("In May, Roe joined a firm, Acme, where …")
                && (sent_first..tok).all(|k| {
                    !(v.verbish(k) || v.irregular_past(k) || v.cue_at(k).is_some())
                });
            // a possessor before it modifies another noun ("Absent Doe's
            // plan, Roe …"): no subject of its own, unless this one is a
            // possessor too
            let own_possessor = possessor(tok);
            let first = after_opener
                || !spans[from..].iter().take_while(|s| s.0 < hi).any(|s| {
                    s.3 && matches!(
                        entities[s.2].kind,
                        EntityType::Person | EntityType::Organization
                    ) && (own_possessor || !possessor_mark(v, tok_of(s.1)))
                });
            let mut end = tok;
            while end < v.len() && (v.is_word(end) && v.cap(end) || v.s(end) == ".") {
                end += 1;
            }
            // a lowercase noun between the names; not a verb ("Roe
            // thanks Doe", "Roe met Doe")
            let w = v.low(end);
            let modifier = v.is_word(end)
                && !v.cap(end)
                && !lexicon::is_np_preposition(&w)
                && !w.ends_with('s')
                && !v.verbish(end)
                && !v.irregular_past(end)
                && lexicon::cue_class(&w).is_none()
                && v.is_word(end + 1)
                && v.cap(end + 1);
            first && !modifier
        };
        // an organization taken up by "they" is the subject of its
        // clause, not a name inside another phrase ("the Acme report",
        // "cases before the Supreme Court")
        let org_subject = |m: &(usize, usize, Animacy, bool)| {
            let after_preposition = || {
                let mut k = m.0;
                while k > 0 && lexicon::is_pure_determiner(&v.low(k - 1)) {
                    k -= 1;
                }
                k > 0 && is_preposition(&v.low(k - 1))
            };
            !(want == Animacy::Group && m.2 == Animacy::Org)
                || opens(m.0) && !org_modifies_noun(v, m.0) && !after_preposition()
        };
        let mut compatible = mentions
            .filter(|m| !(someone_outside && in_content(m.0)))
            .filter(org_for_they)
            .filter(org_subject);
        let Some(nearest) = compatible.next() else {
            return;
        };
        // a possessor inside its sentence ("… reaffirmed that the probe
        // into Doe's use of funds …") modifies a noun of some clause: no
        // subject a pronoun takes up before the sentence's own subject
        // ("If Doe's wary, …" may be a contraction of "is": only after a
        // preposition or a name before it in the sentence)
        let named_before = |tok: usize| {
            let c = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.cstart as usize);
            let (lo, hi) = (c(v.sentence(tok).first), c(tok));
            let from = self.spans.partition_point(|s| s.0 < lo);
            self.spans[from..].iter().take_while(|s| s.0 < hi).any(|s| {
                s.3 && matches!(
                    self.entities[s.2].kind,
                    EntityType::Person | EntityType::Organization
                ) && !v.in_quote(tok_of(s.0))
            })
        };
        let modifier = |tok: usize| {
            possessor(tok)
                && !v.text.is_sentence_start(tok)
                && (lexicon::is_np_preposition(&v.low(tok - 1)) || named_before(tok))
        };
        // the subject of a clause inside another: an opening adverbial
        // clause ("When Doe left, Roe …") or a relative clause ("the aide
        // whom Doe hired")
        let subordinate = |tok: usize| {
            fronted_clause_end(v, v.sentence(tok)).is_some_and(|m| tok < m)
                || tok > 0 && matches!(v.low(tok - 1).as_ref(), "who" | "whom" | "whose")
        };
        let mut push = |(tok, ei, a, agrees): (usize, usize, Animacy, bool), nearest: bool| {
            let features = Features {
                named: true,
                subordinate: subordinate(tok),
                object: object(tok) || modifier(tok),
                nearest_in_sentence: nearest,
                gender_agrees: agrees,
                opens_sentence: !object(tok) && opens(tok),
                ..Features::default()
            };
            let e = &self.entities[ei];
            out.push(candidate(
                Source::NearestMention,
                self.full_name(ei),
                Some(e.id.clone()),
                a,
                self.gender(ei),
                tok,
                features,
            ));
        };
        push(nearest, true);
        // subjects before it: in the nearest mention's sentence the first
        // one ("Roe wrote to Doe. She said …"), and the nearest one of an
        // earlier sentence (the name before "In a letter to Doe, she wrote")
        let sent = v.sentence(nearest.0).first;
        let mut first_subject = None;
        let mut subject_before = None;
        let mut first_possessor = None;
        for m in compatible.take(24) {
            if object(m.0) {
                continue;
            }
            if m.0 >= sent {
                if possessor(m.0) {
                    first_possessor = Some(m);
                } else {
                    first_subject = Some(m);
                }
            } else {
                subject_before = Some(m);
                break;
            }
        }
        let first_subject = first_subject.or(first_possessor);
        if let Some(m) = first_subject.filter(|_| object(nearest.0) || !opens(nearest.0)) {
            push(m, false);
        }
        if let Some(m) = subject_before {
            push(m, false);
        }
    }

    /// The latest person names joined by "and" (or "along with") standing
    /// as a subject in the sentence of token `at` (before it) or the two
    /// before: "Jane Roe and Sen. John Doe wrote …", "Roe, Doe and Poe
    /// said", "Roe, along with Doe and Poe, wrote" (never an
    /// object: "a letter to Roe and Doe"). The speaker a later "they"
    /// stands for is all of them: the names joined as written, with no
    /// entity link, since no one of them said the words alone and
    /// crediting the first would put words in one mouth.
    fn coordinated_persons(&self, v: &View<'_, '_>, at: usize) -> Option<(usize, String)> {
        const SENTENCES_BACK: u32 = 2;
        let here = v.text.tokens().get(at)?.sentence;
        let floor = v
            .text
            .sentences()
            .get(here.saturating_sub(SENTENCES_BACK) as usize)?
            .first as usize;
        let c = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.cstart as usize);
        let tok_of = |cp: usize| {
            v.text
                .tokens()
                .partition_point(|t| (t.cstart as usize) < cp)
        };
        let (lo, hi) = (c(floor), c(at));
        let from = self.spans.partition_point(|s| s.0 < lo);
        // person name mentions as token ranges, in order
        let names: Vec<(Range, usize)> = self.spans[from..]
            .iter()
            .take_while(|s| s.1 <= hi)
            .filter(|s| s.3 && self.entities[s.2].kind == EntityType::Person)
            .map(|s| {
                (
                    Range {
                        first: tok_of(s.0),
                        end: tok_of(s.1),
                    },
                    s.2,
                )
            })
            .filter(|(r, _)| r.end <= at && !v.in_quote(r.first))
            .collect();
        // how two names are joined: "and" (after an optional comma), a
        // bare comma of a list, or "along with", "together with", "as well
        // as" ("Roe, along with Doe and Poe, wrote …": all three wrote),
        // with only titles before the second name. `Some(true)` for the
        // words that join, `Some(false)` for a list's comma.
        let link = |a: Range, b: Range| -> Option<bool> {
            let mut k = a.end;
            // a place or body after the first name ("Judge Roe of the
            // Ohio Supreme Court and Doe"): only nouns up to the "and"
            if v.low(k) == "of" {
                let and = (k + 1..(k + 12).min(b.first)).find(|&j| v.low(j) == "and")?;
                let plain = (k + 1..and).all(|j| {
                    v.is_word(j)
                        && !v.in_quote(j)
                        // a name's words may look like verbs ("Court
                        // of Appeals")
                        && (v.cap(j)
                            || !v.verbish(j)
                                && !v.irregular_past(j)
                                && lexicon::cue_class(&v.low(j)).is_none())
                });
                if !plain {
                    return None;
                }
                k = and;
            }
            // an age or a description between commas after the first name
            // ("Roe, 52, and Doe", "Roe, a retired judge, and Doe"): a
            // few words with no speech verb, closed by the comma before
            // "and"
            if v.s(k) == "," {
                let close = (k + 1..(k + 9).min(b.first)).find(|&j| v.s(j) == ",");
                if let Some(close) = close.filter(|&c| c > k + 1 && v.low(c + 1) == "and") {
                    // opening with an article or a number, so that a
                    // participle is a modifier ("a retired judge")
                    // (or a party and state tag: "Roe, D-Ohio, and Doe")
                    let tag = is_party_state_tag(v, k + 1);
                    let opens = v.kind(k + 1) == Some(TokenKind::Number)
                        || lexicon::is_determiner(&v.low(k + 1))
                        || tag;
                    let described = opens
                        && (k + 1..close).all(|j| {
                            let w = v.low(j);
                            (v.is_word(j)
                                || v.kind(j) == Some(TokenKind::Number)
                                || v.s(j) == "-"
                                || tag && v.s(j) == ".")
                                && !v.in_quote(j)
                                && v.cue_at(j).is_none()
                                && w != "and"
                        });
                    if described {
                        k = close;
                    }
                }
            }
            if v.s(k) == "," {
                k += 1;
            }
            let pair = (v.low(k), v.low(k + 1));
            let with = matches!(
                (pair.0.as_ref(), pair.1.as_ref()),
                ("along" | "together", "with")
            ) || (pair.0 == "as" && pair.1 == "well" && v.low(k + 2) == "as");
            let and = pair.0 == "and";
            if and {
                k += 1;
            } else if with {
                k += if pair.0 == "as" { 3 } else { 2 };
            } else if k == a.end {
                return None;
            }
            (k..b.first)
                .all(|j| lexicon::is_title(&v.low(j)) || v.s(j) == ".")
                .then_some(and || with)
        };
        let mut best: Option<(usize, String)> = None;
        let mut i = 0;
        while i < names.len() {
            let mut j = i;
            let mut joined = false;
            while j + 1 < names.len() {
                let (a, b) = (names[j].0, names[j + 1].0);
                match link(a, b) {
                    Some(join) => {
                        joined = join;
                        j += 1;
                        // a list ends at its "and"; "Roe, along with Doe
                        // and Poe," goes on past the "along with"
                        let and_at = |k: usize| v.low(k) == "and";
                        if join && (and_at(a.end) || v.s(a.end) == "," && and_at(a.end + 1)) {
                            break;
                        }
                    }
                    None => break,
                }
            }
            let first = names[i].0.first;
            let object = word_before_titles(v, first).is_some_and(|k| {
                let w = v.low(k);
                lexicon::is_object_marker(&w)
                    || lexicon::is_np_preposition(&w)
                    || matches!(w.as_ref(), "between" | "among" | "including")
                    || v.verbish(k)
                    || v.irregular_past(k)
                    || ing_form(v, k)
            });
            if joined && !object {
                let mut people: Vec<String> = Vec::new();
                for &(_, ei) in &names[i..=j] {
                    let n = self.full_name(ei);
                    if !people.contains(&n) {
                        people.push(n);
                    }
                }
                if let Some((last, rest)) = people.split_last().filter(|(_, r)| !r.is_empty()) {
                    best = Some((first, format!("{} and {last}", rest.join(", "))));
                }
            }
            i = j + 1;
        }
        best
    }

    /// The fullest capitalized name of the article ending with the same word
    /// as `r` (titles stripped), and its animacy.
    fn fullest(&self, v: &View<'_, '_>, r: Range) -> (String, Animacy) {
        let own = strip_titles(v, r);
        let last = v.low(own.end - 1).to_string();
        let mut best = own;
        let mut animacy = run_animacy(v, own);
        let candidates = self.by_last.get(&last).map_or(&[][..], Vec::as_slice);
        for n in candidates.iter().filter_map(|&i| self.names.get(i)) {
            if n.range.end - n.range.first > best.end - best.first
                && n.range.end - n.range.first <= 4
            {
                // the shorter form must be a suffix of the longer one
                let k = best.end - best.first;
                let suffix_ok = (0..k).all(|d| v.low(best.first + d) == v.low(n.range.end - k + d));
                if suffix_ok {
                    best = n.range;
                    animacy = n.animacy;
                }
            }
        }
        // a first name alone ("Jane" for "Jane Roe"): the person run it opens
        if best == own && own.end - own.first == 1 && animacy != Animacy::Org {
            if let Some(n) = self
                .by_first
                .get(v.s(own.first))
                .and_then(|&i| self.names.get(i))
            {
                best = n.range;
                animacy = Animacy::Person;
            }
        }
        if animacy == Animacy::Unknown && best.end - best.first >= 2 {
            animacy = Animacy::Person;
        }
        let name = v
            .text
            .token_span(best.first, best.end)
            .map_or_else(String::new, |s| s.text.to_string());
        (name, animacy)
    }
}

/// The name of entity `ei`; for a one-word person whose full name the
/// tagger kept apart ("Roe" and a "Jane Roe" typed otherwise), the unique
/// longer name opening or ending with the word. The tagger may type both
/// as an organization (an unfamiliar given name in a title-case heading:
/// "Ilsa Varnek Recounts Her Tour" … "Varnek admitted she"): a one-word
/// organization that a mention shows to be a person ("Varnek said he",
/// "Varnek admitted she") takes the unique two-word name ending with it.
fn full_name(v: &View<'_, '_>, entities: &[Entity], ei: usize) -> String {
    let e = &entities[ei];
    if e.kind == EntityType::Organization && !e.name.contains(' ') && pronoun_after(v, e) {
        let mut fuller = entities.iter().filter(|o| {
            o.kind != EntityType::Location
                && o.name.split_whitespace().count() == 2
                && o.name.split_whitespace().next_back() == Some(e.name.as_str())
        });
        if let (Some(f), None) = (fuller.next(), fuller.next()) {
            return f.name.clone();
        }
    }
    if e.kind == EntityType::Person {
        // a title or party word the tagger glued to the name ("Leader
        // Jane Roe", "Republican Jane Roe")
        let words: Vec<&str> = e.name.split_whitespace().collect();
        let titles = words
            .iter()
            .take_while(|w| {
                let low = crate::text::lowercase(w);
                let low = low.trim_end_matches('.');
                lexicon::is_title(low) || lexicon::is_party_member(low)
            })
            .count();
        if titles > 0 && words.len() >= titles + 2 {
            return words[titles..].join(" ");
        }
    }
    if e.kind == EntityType::Person && !e.name.contains(' ') {
        // "Mrs. Roe" kept apart from "Carl Roe" is his wife, not him: a
        // fuller name whose gender (its honorifics, else its first name)
        // is the other one is someone else of that surname
        let own = honorific_gender(v, e);
        let other_gender = |o: &Entity| {
            own.is_some_and(|g| {
                honorific_gender(v, o)
                    .or_else(|| name_gender(&o.name))
                    .is_some_and(|h| h != g)
            })
        };
        let mut fuller = entities.iter().filter(|o| {
            matches!(o.kind, EntityType::Person | EntityType::Misc)
                && o.name.contains(' ')
                && (o.name.split_whitespace().next() == Some(e.name.as_str())
                    || o.name.split_whitespace().next_back() == Some(e.name.as_str()))
                && !other_gender(o)
        });
        if let (Some(f), None) = (fuller.next(), fuller.next()) {
            return f.name.clone();
        }
    }
    e.name.clone()
}

/// Whether a mention of `e` is the subject of a past or present verb
/// followed by "he" or "she" ("Roe said she", "Roe confirmed he"): a
/// company is "it", so the name is a person's whatever its type.
fn pronoun_after(v: &View<'_, '_>, e: &Entity) -> bool {
    let toks = v.text.tokens();
    e.mentions.iter().any(|m| {
        let end = toks.partition_point(|t| (t.cstart as usize) < m.end);
        let verb = v.low(end);
        v.is_word(end)
            && !v.cap(end)
            && (verb.ends_with("ed") || verb.ends_with('s') || verb == "said" || verb == "told")
            && matches!(v.low(end + 1).as_ref(), "he" | "she")
    })
}

/// Whether person entity `ei` is a family named in the plural ("the
/// Roes") after a person of the article with that surname.
fn family(entities: &[Entity], ei: usize) -> bool {
    let name = &entities[ei].name;
    if name.contains(' ') {
        return false;
    }
    let singular = [name.strip_suffix('s'), name.strip_suffix("es")];
    entities.iter().any(|e| {
        e.kind == EntityType::Person
            && e.name.contains(' ')
            && singular
                .iter()
                .flatten()
                .any(|one| e.name.rsplit(' ').next() == Some(*one))
    })
}

/// The gender of a person entity. The article's own evidence first: a
/// gendered honorific before its mentions ("Mr. Roe", weighing most) and
/// the gendered pronouns right after them ("Roe said she", "Roe and his
/// aides"), when one side clearly outweighs the other; else its name's
/// ("Mrs. Roe", "Jane Roe" by the census first names). The census list
/// gives one gender to first names borne by both, so a name alone must
/// not overrule what the article says.
fn entity_gender(v: &View<'_, '_>, e: &Entity, full: &str) -> Option<Gender> {
    if e.kind != EntityType::Person {
        return None;
    }
    let toks = v.text.tokens();
    let (mut male, mut female) = (0u32, 0u32);
    // a possessive or object pronoun further on in the mention's clause
    // ("Roe (D-Ohio) then called out his rival"): weaker evidence, enough
    // only to veto a census first name that says otherwise
    let (mut loose_male, mut loose_female) = (0u32, 0u32);
    // a pronoun grammar ties to the mention: a reflexive object of its own
    // verb ("Roe excused himself") or an object pronoun in an infinitive
    // after another's name or noun ("Roe asked the clerk to call him
    // back"), which cannot be that clause's own subject; enough for a
    // name the census lacks when nothing in the article says otherwise
    let (mut bound_male, mut bound_female) = (0u32, 0u32);
    for m in &e.mentions {
        let first = toks.partition_point(|t| (t.cstart as usize) < m.start);
        match honorific_before(v, first) {
            Some(Gender::Male) => male += 3,
            Some(Gender::Female) => female += 3,
            None => {}
        }
        let after = toks.partition_point(|t| (t.cstart as usize) < m.end);
        for k in after..(after + 3).min(toks.len()) {
            // "After a call with Roe, she said …": a subject pronoun right
            // after the comma that closes an opening phrase is the main
            // clause's subject, most often someone else
            let after_comma = k > 0 && v.s(k - 1) == ",";
            match v.low(k).as_ref() {
                "he" if after_comma => {}
                "she" if after_comma => {}
                "he" | "his" | "him" | "himself" => male += 1,
                "she" | "her" | "hers" | "herself" => female += 1,
                "said" | "says" | "," | "who" | "and" => continue,
                _ => {}
            }
            break;
        }
        // only after the mention's own verb ("Roe by her side" is
        // someone else's side) and before another name ("Roe thanked Doe
        // for her help"), a comma or a stop
        let (mut depth, mut verb) = (0u32, None);
        for k in after..(after + 8).min(toks.len()) {
            let w = v.low(k);
            let own_object = verb == Some(k - 1);
            // "to call him", "to call her back", not "to call her aide"
            let infinitive_object = verb.is_some_and(|f| f + 2 < k - 1)
                && v.low(k - 2) == "to"
                && v.is_word(k - 1)
                && !v.cap(k - 1)
                && (w == "him"
                    || k + 1 >= toks.len()
                    || !v.is_word(k + 1)
                    || lexicon::is_np_preposition(&v.low(k + 1))
                    || v.low(k + 1) == "back");
            match w.as_ref() {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                "him" if infinitive_object => {
                    bound_male += 1;
                    loose_male += 1;
                    break;
                }
                "his" | "himself" if verb.is_some() => {
                    bound_male += u32::from(w == "himself" && own_object);
                    loose_male += 1;
                    break;
                }
                "her" | "herself" if verb.is_some() => {
                    let bound = if w == "her" {
                        infinitive_object
                    } else {
                        own_object
                    };
                    bound_female += u32::from(bound);
                    loose_female += 1;
                    break;
                }
                _ if !v.is_word(k) || v.cap(k) || v.in_quote(k) => break,
                _ if verb.is_none() && (v.verbish(k) || v.irregular_past(k)) => verb = Some(k),
                _ => {}
            }
        }
    }
    match (male, female) {
        (m, f) if m >= 2 && m > 2 * f => Some(Gender::Male),
        (m, f) if f >= 2 && f > 2 * m => Some(Gender::Female),
        // no first name the census knows ("Bernie", "Xi", a bare
        // surname): the article's pronouns alone, one against none
        // ("Roe said he would") with no honorific saying otherwise
        (m, f) if name_gender(&e.name).or_else(|| name_gender(full)).is_none() => {
            match (m + loose_male, f + loose_female) {
                (m2, 0) if (m > 0 || bound_male > 0) && m2 > 0 => Some(Gender::Male),
                (0, f2) if (f > 0 || bound_female > 0) && f2 > 0 => Some(Gender::Female),
                _ => None,
            }
        }
        (m, f) => {
            let named = name_gender(&e.name).or_else(|| name_gender(full))?;
            // the census gives one gender to first names borne by both:
            // the article's own pronouns, all of the other gender, veto it
            // (the pronoun in the mention's own clause, not one after a
            // comma, which may open someone else's: "… Roe, he said")
            let (same, other) = match named {
                Gender::Male => (m + loose_male, loose_female),
                Gender::Female => (f + loose_female, loose_male),
            };
            (same > 0 || other == 0).then_some(named)
        }
    }
}

/// The gender of an honorific right before token `first` ("Mr. Roe",
/// "Mrs Roe"); the honorific's dot may be a token of its own.
fn honorific_before(v: &View<'_, '_>, first: usize) -> Option<Gender> {
    let dot = first.checked_sub(1).is_some_and(|p| v.s(p) == ".");
    let p = first.checked_sub(1 + usize::from(dot))?;
    match v.low(p).trim_end_matches('.') {
        "mr" => Some(Gender::Male),
        "mrs" | "ms" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender the honorifics before an entity's mentions say, when they
/// all say one ("Mrs. Roe" and "Ms. Roe").
fn honorific_gender(v: &View<'_, '_>, e: &Entity) -> Option<Gender> {
    let toks = v.text.tokens();
    let mut said = e.mentions.iter().filter_map(|m| {
        honorific_before(v, toks.partition_point(|t| (t.cstart as usize) < m.start))
    });
    let first = said.next()?;
    said.all(|g| g == first).then_some(first)
}

/// A lowercase word ending in "-ing": a participle, a gerund or a
/// preposition of that form ("supporting", "including"), whose next noun
/// is its object.
fn ing_form(v: &View<'_, '_>, k: usize) -> bool {
    v.is_word(k) && !v.cap(k) && lexicon::is_ing(&v.low(k))
}

/// Whether token `k` marks a possessive ("Roe's plan"), not the
/// contraction of "is" or "has" ("Roe's been", "Roe's a fighter"), which
/// a verb, a negation or a determiner follows.
fn possessor_mark(v: &View<'_, '_>, k: usize) -> bool {
    let next = v.low(k + 1);
    v.is_possessive(k)
        && !(lexicon::is_aux(&next)
            || matches!(next.as_ref(), "been" | "not" | "got" | "never")
            || lexicon::is_pure_determiner(&next)
            || v.verbish(k + 1)
            || v.irregular_past(k + 1))
}

/// The name before an age set off by commas in the phrase `np` ("Jane
/// Roe, 58,"): the age alone was taken for the subject.
fn name_before_age(v: &View<'_, '_>, np: Range) -> Option<Range> {
    let k = np.first;
    let digits = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    if np.end != k + 1 || !digits(v.s(k)) || k < 2 || v.s(k - 1) != "," || v.s(k + 1) != "," {
        return None;
    }
    let end = k - 1;
    let sent = v.sentence(k).first;
    let mut first = end;
    while first > sent && end - first < 4 && (v.cap(first - 1) || is_dot_of_initial(v, first - 1)) {
        first -= 1;
    }
    (first < end && v.cap(end - 1) && !v.in_quote(first)).then_some(Range { first, end })
}

/// A share of people standing as the subject ("Six in 10 voters",
/// "four in 10", "One in four"), when the scan for the subject kept only
/// one of its numbers (`mention`): the whole share, up to the end of `np`.
fn share_phrase(v: &View<'_, '_>, np: Range, mention: Range) -> Option<Range> {
    if mention.end != mention.first + 1 || !v.is_cardinal(mention.first) {
        return None;
    }
    let k = mention.first;
    // "Six" of "Six in 10 voters"
    if k + 2 < np.end.max(k + 3) && k + 2 < v.len() && v.low(k + 1) == "in" && v.is_cardinal(k + 2)
    {
        return Some(Range {
            first: k,
            end: np.end.max(k + 3),
        });
    }
    // "10" of "four in 10 say"
    (k >= 2 && v.low(k - 1) == "in" && v.is_cardinal(k - 2)).then_some(Range {
        first: k - 2,
        end: np.end.max(k + 1),
    })
}

/// A number of people opening at token `k` ("two aides", "three Ohio
/// senators"): a cardinal above one, up to three modifiers, a plural
/// person or group noun; outside quotations, not a span of time.
fn people_count_phrase(v: &View<'_, '_>, k: usize) -> Option<Range> {
    if v.in_quote(k) || !v.is_cardinal(k) || matches!(v.low(k).as_ref(), "one") {
        return None;
    }
    let end = (k + 1..(k + 5).min(v.len())).find(|&j| {
        let w = v.low(j);
        let singular = w.strip_suffix('s').unwrap_or(&w);
        w.ends_with('s')
            && !v.cap(j)
            && (lexicon::is_group_head(&w) || lexicon::is_person_noun(singular))
            && crate::enrich::dates::lexicon::unit(&w).is_none()
    })?;
    (k + 1..end)
        .all(|j| v.is_word(j) && !v.verbish(j) && !lexicon::is_np_preposition(&v.low(j)))
        .then_some(Range {
            first: k,
            end: end + 1,
        })
}

/// Whether token `tok` stands in an aside set off by spaced dashes that
/// closes before token `at` of the same sentence ("In the memo - sent to
/// Jo Poe - the senator asks …"): a name there is a parenthetical detail,
/// not the topic a later description takes up.
fn in_dash_aside(v: &View<'_, '_>, tok: usize, at: usize) -> bool {
    let sentence = v.sentence(tok);
    (sentence.first..tok).any(|k| v.spaced_hyphen(k))
        && (tok + 1..at.min(sentence.end)).any(|k| v.spaced_hyphen(k))
}

/// Whether the name at token `first` opens its sentence's main clause:
/// it starts the sentence (past titles and other capitalized words:
/// "Texas Sen. Jane Roe"), or follows the comma closing an opening phrase
/// without a verb ("Last month, Roe …", "At the rally, Roe …") or an
/// opening clause ("When Doe left, Roe …").
fn opens_main_clause(v: &View<'_, '_>, first: usize) -> bool {
    let sent = v.sentence(first).first;
    // "When Doe left, …": the capitalized opener is a conjunction, and the
    // name after it is the subordinate clause's subject
    if fronted_clause_end(v, v.sentence(first)).is_some_and(|m| first < m) {
        return false;
    }
    if (sent..first).all(|k| v.cap(k) || v.s(k) == ".") {
        return true;
    }
    let opener = v.low(sent);
    // "When Doe left the party, Roe said …": a clause, verb and all,
    // before the main clause's subject
    let clause_opener = lexicon::is_subordinator(&opener);
    if clause_opener && comma_before_titles(v, first) {
        return true;
    }
    (lexicon::is_np_preposition(&opener)
        || lexicon::is_pure_determiner(&opener)
        || lexicon::is_time_word(&opener)
        || lexicon::is_left_barrier(&opener))
        && comma_before_titles(v, first)
        && (sent..first).all(|k| !(v.verbish(k) || v.irregular_past(k) || v.cue_at(k).is_some()))
}

/// The first token of the main clause of sentence `sent` when it opens
/// with an adverbial clause or phrase set off by a comma: "When Doe left
/// the room, Roe …", "After a call with Doe on Monday, Roe …", "Asked
/// about Doe, Roe …", "Speaking to Doe, the mayor …". The main clause
/// starts after the first comma followed by a subject (a name, a pronoun
/// or a determiner phrase) and its verb, so that an appositive or a
/// relative clause inside the opener ("After meeting his aide, Doe, who
/// …, Roe said") stays in it. `None` when the sentence opens otherwise,
/// or when the opener credits what follows ("As Doe told it, …",
/// "According to Doe, …"), whose source is the topic as much as the main
/// subject.
fn fronted_clause_end(v: &View<'_, '_>, sent: Range) -> Option<usize> {
    let first = sent.first;
    if !v.is_word(first) || v.in_quote(first) {
        return None;
    }
    let opener = v.low(first);
    // a participle opens a phrase only before a lowercase word ("Citing
    // a poll, …"; not "Sterling Bank, …")
    let participle = opener.len() > 4
        && (opener.ends_with("ing") || opener.ends_with("ed"))
        && v.is_word(first + 1)
        && !v.cap(first + 1);
    let fronted = lexicon::is_subordinator(&opener)
        || is_preposition(&opener) && opener != "according"
        || participle && opener != "according";
    if !fronted {
        return None;
    }
    // the subject after a comma is followed by its verb: a lowercase word
    // that is no preposition, conjunction, relative word or determiner
    let predicate = |k: usize| {
        let w = v.low(k);
        v.is_word(k)
            && !v.cap(k)
            && !v.in_quote(k)
            && !is_preposition(&w)
            && !lexicon::is_determiner(&w)
            && !lexicon::is_wh(&w)
            && !matches!(w.as_ref(), "and" | "or" | "but" | "nor" | "that")
    };
    let verb = |k: usize| {
        let w = v.low(k);
        v.verbish(k)
            || v.irregular_past(k)
            || v.cue_at(k).is_some()
            || lexicon::is_modal(&w)
            || lexicon::is_aux(&w)
    };
    for k in first + 1..sent.end {
        if v.in_quote(k) || opener == "as" && v.cue_at(k).is_some() {
            return None;
        }
        if v.s(k) != "," {
            continue;
        }
        let j = k + 1;
        let w = v.low(j);
        let mut e = j;
        while e < sent.end && v.is_word(e) && v.cap(e) && !v.in_quote(e) || e > j && v.s(e) == "." {
            e += 1;
        }
        let subject = if e > j && !lexicon::is_determiner(&w) {
            // a name, titles and all ("Sen. Jane Roe")
            predicate(e)
        } else if v.is_word(j) && lexicon::is_subject_pronoun(&w) {
            predicate(j + 1)
        } else if v.is_word(j) && lexicon::is_determiner(&w) {
            // "the mayor", "his top aide": a verb within a few words
            (j + 1..(j + 6).min(sent.end))
                .take_while(|&i| v.is_word(i))
                .any(verb)
        } else {
            false
        };
        if subject {
            return Some(j);
        }
    }
    None
}

/// The latest plural noun phrase for people standing as the subject of a
/// clause before token `at`, in its sentence or the one before: "Doe's
/// aides insist", "what researchers say", "most of the Ohio delegates
/// said" (a plural person or group head, its determiner, possessor,
/// capitalized and up to two lowercase modifiers, opening its sentence or
/// a clause); its first and head tokens, the phrase as written and
/// whether it opens the main clause. Not an object ("would make voters angry"), not a possessor
/// ("voters' worries"), not inside `content`, the content attributed.
fn plural_subject(
    v: &View<'_, '_>,
    at: usize,
    content: Option<Range>,
) -> Option<(usize, usize, String, bool)> {
    let here = v.text.tokens().get(at)?.sentence;
    let floor = v
        .text
        .sentences()
        .get(here.saturating_sub(1) as usize)?
        .first as usize;
    for k in (floor..at).rev() {
        // the subject of the content being attributed is spoken about
        // ("Voters are angry, they said" is someone else's)
        let in_content = content.is_some_and(|c| c.first <= k && k < c.end);
        // a hyphenated head is one word ("fact-checkers")
        let mut head_first = k;
        while head_first >= 2 && v.joined_hyphen_before(head_first) {
            head_first -= 2;
        }
        if !v.is_word(k)
            || v.in_quote(k)
            || in_content
            || !(lexicon::is_plural_person_head(&v.low(k))
                || head_first < k && lexicon::is_plural_person_head(&hyphen_compound(v, k)))
        {
            continue;
        }
        // a capitalized word is a name, unless a party's members
        // ("Ohio Republicans")
        if v.cap(k) && !v.text.is_sentence_start(k) && !lexicon::is_group_head(&v.low(k)) {
            continue;
        }
        if k + 1 < v.len() && (possessor_mark(v, k + 1) || matches!(v.s(k + 1), "'" | "’")) {
            continue;
        }
        let sent_first = v.sentence(k).first;
        let mut j = head_first;
        let mut lower = 0;
        while j > sent_first {
            let p = j - 1;
            let w = v.low(p);
            if v.in_quote(p) {
                break;
            }
            if lexicon::is_pure_determiner(&w)
                || lexicon::is_quantifier(&w)
                || v.is_possessive(p)
                || v.is_word(p) && v.cap(p) && !v.text.is_sentence_start(p)
                || v.kind(p) == Some(TokenKind::Number)
                // the dot of a title or an initial ("Mr. Roe's aides")
                || v.s(p) == "."
                    && p > sent_first
                    && (lexicon::is_title(&v.low(p - 1)) || is_dot_of_initial(v, p))
            {
                j = p;
            } else if w == "of"
                && p > sent_first
                && (lexicon::is_quantifier(&v.low(p - 1)) || lexicon::is_collective(&v.low(p - 1)))
            {
                // "most of the delegates", "a chorus of senators"
                j = p - 1;
            } else if w == "and" && p > sent_first && coordinand_end(v, p - 1) {
                // "Six states and two unions sued", "Roe and her aides
                // argued": the conjuncts are one plural subject, and a
                // "they" takes up all of them, not the last alone
                j = p - 1;
                lower = 0;
            } else if v.is_word(p) && v.cap(p) && !lexicon::is_left_barrier(&w) {
                // the sentence's first word: a name or a determiner, or
                // a preposition ("To her aides, …") rejected below
                j = p;
                break;
            } else if v.is_word(p)
                && lower < 2
                && !v.verbish(p)
                && !v.irregular_past(p)
                && !ing_form(v, p)
                && v.cue_at(p).is_none()
                && !is_preposition(&w)
                && !lexicon::is_left_barrier(&w)
                && !lexicon::is_modal(&w)
            {
                lower += 1;
                j = p;
            } else {
                break;
            }
        }
        if is_preposition(&v.low(j)) {
            continue;
        }
        // the phrase opens its sentence or a clause; after "and" it is
        // more often the second half of an object ("between Roe and
        // other senators"), and a lowercase word counted as a modifier
        // may be a verb whose object this is ("would make voters
        // angry"): then it opens nothing
        let main = j == sent_first || {
            let w = v.low(j - 1);
            matches!(w.as_ref(), "," | ";" | ":" | "—" | "–" | "but")
                // the subject after an inverted auxiliary ("so will
                // thousands of fans", "nor did the aides")
                || j >= sent_first + 2
                    && (lexicon::is_modal(&w) || lexicon::is_aux(&w))
                    && matches!(v.low(j - 2).as_ref(), "so" | "nor" | "neither")
        };
        // a word that is a preposition as well as a subordinator
        // ("before", "after", "since", "until", "as") opens a clause only
        // when a verb, not a preposition or a mark, follows the phrase:
        // "arguing before 10 judges of the court" names an object
        let subordinate = j > sent_first && {
            let w = v.low(j - 1);
            let dual = matches!(w.as_ref(), "before" | "after" | "since" | "until" | "as");
            let clause_follows = v.is_word(k + 1) && !is_preposition(&v.low(k + 1));
            matches!(w.as_ref(), "that" | "what")
                || lexicon::is_subordinator(&w) && (!dual || clause_follows)
        };
        if !(main || subordinate) {
            continue;
        }
        let span = v.text.token_span(j, k + 1)?;
        return Some((j, k, span.text.to_string(), main));
    }
    None
}

/// Whether token `k`, right before an "and", ends a conjunct of a plural
/// subject: a name ("Jane Roe and her aides"), a subject pronoun ("She
/// and her lawyers"), a plural person or group head ("mayors and
/// business groups") or a plural noun after a number, a determiner or a
/// quantifier ("six states and two unions", "the cities and …").
fn coordinand_end(v: &View<'_, '_>, k: usize) -> bool {
    if !v.is_word(k) || v.in_quote(k) {
        return false;
    }
    let w = v.low(k);
    if v.cap(k) || matches!(w.as_ref(), "he" | "she" | "we") {
        return true;
    }
    if lexicon::is_plural_person_head(&w) {
        return true;
    }
    let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !v.verbish(k);
    plural
        && k > 0
        && (v.is_cardinal(k - 1)
            || lexicon::is_pure_determiner(&v.low(k - 1))
            || lexicon::is_quantifier(&v.low(k - 1)))
}

/// Prepositions, which end a noun phrase scanned leftwards: the noun
/// after one is its object ("among voters", "like Acme").
fn is_preposition(w: &str) -> bool {
    lexicon::is_object_marker(w)
        || lexicon::is_np_preposition(w)
        || matches!(
            w,
            "among"
                | "amid"
                | "like"
                | "within"
                | "across"
                | "around"
                | "near"
                | "despite"
                | "inside"
                | "outside"
                | "toward"
                | "towards"
                | "beyond"
                | "behind"
                | "via"
                | "per"
                | "upon"
                | "unlike"
                | "including"
        )
}

/// Whether the organization name at token `first` modifies a noun after
/// it ("the Acme report was …", "the Dover University debate", "Acme
/// shareholders expect": a plural of people, or an -s word after a
/// quantifier, is a noun, not an -s verb): a
/// lowercase word follows that is no verb (a past form, an auxiliary or
/// modal, a cue, an adverb before a verb, or an -s present form).
fn org_modifies_noun(v: &View<'_, '_>, first: usize) -> bool {
    let mut end = first;
    while end < v.len() && (v.is_word(end) && v.cap(end) || v.s(end) == ".") {
        end += 1;
    }
    if end >= v.len() || !v.is_word(end) || v.cap(end) {
        return false;
    }
    let w = v.low(end);
    !(v.verbish(end)
        || v.irregular_past(end)
        || v.cue_at(end).is_some()
        || lexicon::is_modal(&w)
        || lexicon::is_aux(&w)
        || lexicon::is_preverbal(&w)
        || lexicon::is_left_barrier(&w)
        || lexicon::is_np_preposition(&w)
        || w.ends_with('s')
            && !lexicon::is_plural_person_head(&w)
            // after a quantifier the name is no subject of its own
            // ("several Acme shareholders"): the -s word is its noun
            && !(first > 0 && lexicon::is_quantifier(&v.low(first - 1))))
}

/// The word ending at token `last` with the words joined to it by
/// hyphens ("front-runner", "46-year-old"), lowercased.
fn hyphen_compound(v: &View<'_, '_>, last: usize) -> String {
    let mut first = last;
    while first >= 2 && v.joined_hyphen_before(first) {
        first -= 2;
    }
    (first..=last).map(|k| v.low(k)).collect()
}

/// The gender a person noun says ("the businesswoman", "the boy").
fn noun_gender(head: &str) -> Option<Gender> {
    lexicon::person_noun_is_female(head).map(
        |female| {
            if female {
                Gender::Female
            } else {
                Gender::Male
            }
        },
    )
}

fn is_pronoun_text(s: &str) -> bool {
    lexicon::is_subject_pronoun(&crate::text::lowercase(s))
}

fn definite(v: &View<'_, '_>, r: Range) -> bool {
    matches!(
        v.low(r.first).as_ref(),
        "the" | "this" | "that" | "its" | "their"
    )
}

/// A role phrase opened by an article or a possessive ("the head of",
/// "a spokesman for", "its chief"): the shape of an appositive.
fn definite_or_article(v: &View<'_, '_>, r: Range) -> bool {
    definite(v, r) || matches!(v.low(r.first).as_ref(), "a" | "an" | "his" | "her")
}

/// A paragraph set off as a block quotation right before the paragraph
/// of token `at`: the paragraph before it ends with a colon ("The paper
/// wrote:") and none of its words stand in quotation marks. Its first
/// token and its number of sentences.
fn block_quote_before(v: &View<'_, '_>, at: usize) -> Option<(usize, u32)> {
    let opens = |j: usize| super::marks::paragraph_starts_at(v.text, j);
    // a block quotation longer than this is a document, not an aside
    const MAX_TOKENS: usize = 600;
    let start_of = |k: usize| (k.saturating_sub(MAX_TOKENS)..=k).rev().find(|&j| opens(j));
    let here = start_of(at)?;
    let first = start_of(here.checked_sub(1)?)?;
    let sentence = |k: usize| v.text.tokens().get(k).map_or(0, |t| t.sentence);
    (first > 0 && v.s(first - 1) == ":" && (first..here).all(|k| !v.in_quote(k)))
        .then(|| (first, sentence(here).saturating_sub(sentence(first))))
}

/// An indefinite person phrase opening the sentence before the pronoun
/// at `at` ("A 29-year-old teacher, meanwhile, …"), or a definite one a
/// relative clause restricts ("The nurse who treated Doe …"),
/// whose head is a person noun agreeing with the pronoun's `gender`; with
/// the phrase as written.
fn introduced_person(
    v: &View<'_, '_>,
    at: usize,
    gender: Option<Gender>,
) -> Option<(Range, String)> {
    // not the pronoun's own sentence: "A new manager, he said, could …"
    // has the phrase in the content
    let sent = v.sentence(v.sentence(at).first.checked_sub(1)?);
    let first = sent.first;
    if first >= at || v.in_quote(first) {
        return None;
    }
    let np = v.np_rightward(first, sent.end.min(at))?;
    // "The lawyer who defended Doe …": a definite phrase that a relative
    // clause restricts to one person is as new a topic as an indefinite
    // one, and a name inside the clause is no antecedent of its own
    let restricted = v.low(first) == "the" && v.low(np.end) == "who";
    if !(matches!(v.low(first).as_ref(), "a" | "an") || restricted) {
        return None;
    }
    // "A man who ran the stall, a baker named Eli Rusk, …": the sentence
    // goes on to name the person, and the name is the antecedent
    let named = (np.end..sent.end.min(at)).any(|k| {
        matches!(v.low(k).as_ref(), "named" | "called" | "nicknamed") && k + 1 < at && v.cap(k + 1)
    });
    if named {
        return None;
    }
    let head_at = (np.first + 1..np.end)
        .find(|&k| v.is_word(k) && lexicon::is_np_preposition(&v.low(k)))
        .unwrap_or(np.end)
        - 1;
    let head = v.low(head_at);
    let head_gender = noun_gender(&head);
    let person = head_gender.is_some() || lexicon::is_person_role(&head) && !v.cap(head_at);
    let agrees = match (gender, head_gender) {
        (Some(g), Some(h)) => g == h,
        _ => true,
    };
    if head_at > np.first && person && agrees {
        let span = v.text.token_span(np.first, np.end)?;
        return Some((np, span.text.to_string()));
    }
    None
}

/// A document phrase ([`document_head`]) opening the sentence before the
/// pronoun at `at` with an article ("A memo from the board …", "The
/// audit …"): the phrase as found.
fn introduced_document(v: &View<'_, '_>, at: usize) -> Option<Range> {
    let sent = v.sentence(v.sentence(at).first.checked_sub(1)?);
    let first = sent.first;
    if first >= at || v.in_quote(first) || !matches!(v.low(first).as_ref(), "a" | "an" | "the") {
        return None;
    }
    let ceil = sent.end.min(at);
    // the article, up to two lowercase modifiers and the document noun
    // (np_rightward stops at a noun that is also a speech verb: "report")
    let head = (first + 1..(first + 4).min(ceil))
        .find(|&k| v.is_word(k) && !v.cap(k) && lexicon::is_document_noun(&v.low(k)))?;
    if !(first + 1..head).all(|k| v.is_word(k) && !v.verbish(k) && !v.irregular_past(k)) {
        return None;
    }
    // with its issuer after "by", "from" or "of" ("a memo from the board")
    let mut end = head + 1;
    if matches!(v.low(end).as_ref(), "by" | "from" | "of") {
        let mut k = end + 1;
        while k < ceil
            && (v.is_word(k) || is_dot_of_initial(v, k))
            && !v.in_quote(k)
            && !(v.verbish(k) || v.irregular_past(k) || lexicon::is_left_barrier(&v.low(k)))
            && !lexicon::is_modal(&v.low(k))
        {
            k += 1;
        }
        if k > end + 1 {
            end = k;
        }
    }
    let np = Range { first, end };
    document_head(v, np).map(|_| np)
}

/// A phrase whose last word is a determiner or quantifier ("the most",
/// "every other", "Some 22 percent of the"): its noun is missing, so it
/// names nobody.
fn head_not_a_noun(v: &View<'_, '_>, mention: Range) -> bool {
    // the head stands before the first preposition ("the mother of three")
    let last = (mention.first + 1..mention.end)
        .find(|&k| v.is_word(k) && lexicon::is_np_preposition(&v.low(k)))
        .unwrap_or(mention.end)
        - 1;
    let w = v.low(last);
    last > mention.first
        && v.is_word(last)
        && !v.cap(last)
        && (lexicon::is_pure_determiner(&w)
            || matches!(w.as_ref(), "most" | "other" | "more" | "much"))
}

/// The parts of a possessive speaker phrase: the possessor (a capitalized
/// name before "'s", or a possessive pronoun), the head noun and whether
/// that head is the word right after the phrase, which the cue scan took
/// for the speech verb ("Roe's false claims that …", "his stern warning
/// that …"). Only lowercase words may stand between possessor and head.
fn possessed_head(v: &View<'_, '_>, np: Range, mention: Range) -> Option<(Range, usize, bool)> {
    let first_low = v.low(mention.first);
    let pronoun = matches!(first_low.as_ref(), "his" | "her" | "their" | "its");
    let mark = if pronoun {
        mention.first
    } else {
        let k = (mention.first + 1..mention.end).find(|&k| v.is_possessive(k))?;
        if !(mention.first..k).all(|j| v.cap(j) || is_dot_of_initial(v, j)) {
            return None;
        }
        k
    };
    let owner = Range {
        first: mention.first,
        end: if pronoun { mention.first + 1 } else { mark },
    };
    let head_end = (mark + 1..mention.end)
        .find(|&k| lexicon::is_np_preposition(&v.low(k)))
        .unwrap_or(mention.end);
    if head_end <= mark + 1
        || !(mark + 1..head_end).all(|k| v.is_word(k) && !v.cap(k) && !v.joined_hyphen_before(k))
    {
        return None;
    }
    // "his stern warning that": the scan stopped at the noun, taken for
    // the cue, and left an adjective at the phrase's end ("her team
    // calls" ends on its head, the verb follows it)
    let next = v.low(np.end);
    let last = v.low(head_end - 1);
    if mention.end == np.end
        && v.is_word(np.end)
        && lexicon::is_nouny_form(&next)
        && !may_speak_head(&last)
        && !lexicon::is_words_noun(&last)
    {
        return Some((owner, np.end, true));
    }
    Some((owner, head_end - 1, false))
}

/// Whether a possessed head noun may be a speaker in its own right ("Roe's
/// campaign", "the firm's lawyers", "Ohio's governor", "the ad's
/// narrator"): a person, role, group, organisation or associate noun, a
/// plural, or an agent noun by its ending.
fn may_speak_head(w: &str) -> bool {
    lexicon::is_person_noun(w)
        || lexicon::is_group_head(w)
        || lexicon::is_org_head(w)
        || lexicon::is_associate_head(w)
        || lexicon::is_party_member(w)
        || w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
        || ["er", "or", "ent", "ant", "ian", "eur", "ee"]
            .iter()
            .any(|suffix| w.len() > 4 && w.ends_with(suffix))
}

/// The pronoun of a pronoun-and-auxiliary contraction at token `k` ("I've",
/// "We’re", "they'd"), as written, and the contracted part.
fn contracted_pronoun<'t>(v: &View<'_, 't>, k: usize) -> Option<(&'t str, &'t str)> {
    if !v.is_word(k) {
        return None;
    }
    let (pronoun, rest) = v.s(k).split_once(['\'', '’'])?;
    (lexicon::is_subject_pronoun(&crate::text::lowercase(pronoun))
        && matches!(rest, "ve" | "m" | "re" | "d" | "ll"))
    .then_some((pronoun, rest))
}

/// Whether the mention ends on a possessive mark: "China's" without the
/// noun it owns, which the scan lost ("China's state-owned fund says"
/// read up to its own name); a possessor alone is nobody's voice.
fn lone_possessor(v: &View<'_, '_>, mention: Range) -> bool {
    mention.end > mention.first + 1 && v.is_possessive(mention.end - 1)
}

/// Whether the phrase is an indefinite article and its modifiers whose
/// noun is the word after it, which the cue scan took for a speech verb
/// ("a swing state", "a large claim"): after a singular "a" a finite verb
/// would take "-s" ("an aide notes"), so a bare speech form there is the
/// phrase's noun, and the phrase no speaker.
fn modifier_of_cue_noun(v: &View<'_, '_>, np: Range, mention: Range) -> bool {
    let next = v.low(np.end);
    mention.end == np.end
        && mention.end > mention.first + 1
        && matches!(v.low(mention.first).as_ref(), "a" | "an")
        && (mention.first + 1..mention.end).all(|k| v.is_word(k) && !v.cap(k))
        && v.is_word(np.end)
        && lexicon::is_nouny_form(&next)
        && !next.ends_with('s')
        && !next.ends_with("ed")
}

/// Whether the phrase `np` opens its sentence with a capitalized
/// preposition, subordinator or connective and goes on past it ("Inside
/// the hall", "Among the voters", "Following the vote"): an adverbial
/// before the subject, not the subject (no entity may start there:
/// "Amid Africa Fund").
fn opens_with_adverbial(v: &View<'_, '_>, np: Range) -> bool {
    let w = v.low(np.first);
    np.end > np.first + 1
        && v.is_word(np.first)
        && v.text.is_sentence_start(np.first)
        && v.cap(np.first)
        && !v.text.is_all_caps(np.first)
        && !v.cap(np.first + 1)
        && (lexicon::is_np_preposition(&w)
            || lexicon::is_subordinator(&w)
            || lexicon::is_sentence_adverb(&w)
            || lexicon::is_prepositional_participle(&w))
}

/// Whether the mention is one lowercase word that cannot head a noun
/// phrase, where the subject scan stopped on a modifier or a verb instead
/// of a name or a noun: an adverb ("voters nationwide said", "a tone that
/// almost suggested"), an -ing or past form ("has been weighing
/// announcing", "were seen cheering"), an adjective by its suffix ("a
/// famous …"), a contraction with a pronoun ("they've suggested"), or the
/// verb right after a subject pronoun ("it means admitting").
fn lone_word_not_a_noun(v: &View<'_, '_>, mention: Range) -> bool {
    let k = mention.first;
    if mention.end != k + 1 || !v.is_word(k) || v.cap(k) {
        return false;
    }
    let w = v.low(k);
    if lexicon::is_subject_pronoun(&w)
        || lexicon::is_group_head(&w)
        || lexicon::is_person_role(&w)
        || lexicon::is_org_head(&w)
    {
        return false;
    }
    let adverb = lexicon::is_ly_adverb(&w)
        || lexicon::is_place_adverb(&w)
        || lexicon::is_sentence_adverb(&w)
        || lexicon::is_focus_adverb(&w)
        || matches!(w.as_ref(), "almost" | "much" | "like");
    let verb_form = lexicon::is_ing(&w)
        || v.verbish(k)
        || v.irregular_past(k)
        || matches!(w.as_ref(), "shown" | "seen" | "known" | "given" | "done");
    let adjective = w.len() > 5
        && (w.ends_with("ous") || w.ends_with("able") || w.ends_with("ible") || w.ends_with("ful"));
    let contraction = w.contains('\'') || w.contains('’');
    let after_pronoun = k > 0 && lexicon::is_subject_pronoun(&v.low(k - 1));
    adverb || verb_form || adjective || contraction || after_pronoun
}

/// Whether the phrase is one lowercase noun right after a preposition
/// inside its clause, where the subject scan stopped: "an aide she met
/// on tour said", "a leaflet on housing says". The noun is the
/// preposition's object, never the subject of the cue (that stands before
/// the preposition, too far back for this scan).
fn preposition_object(v: &View<'_, '_>, np: Range, mention: Range) -> bool {
    let k = mention.first;
    let w = v.low(k);
    // a plural, a person noun or a pronoun after "to" or "than" may well
    // speak ("according to him", "more than aides say", "from those who
    // say"): only a singular common noun is taken for an object
    let may_speak = w.ends_with('s')
        || lexicon::is_subject_pronoun(&w)
        || matches!(w.as_ref(), "him" | "her" | "them" | "us" | "me")
        || lexicon::is_pure_determiner(&w)
        || lexicon::is_indefinite_pronoun(&w)
        || lexicon::is_group_head(&w)
        || lexicon::is_person_noun(&w)
        || lexicon::is_person_role(&w)
        || lexicon::is_org_head(&w);
    np == mention
        && mention.end == k + 1
        && v.is_word(k)
        && !v.cap(k)
        && !may_speak
        && k >= 2
        && v.is_word(k - 1)
        && !v.cap(k - 1)
        && is_preposition(&v.low(k - 1))
        && v.is_word(k - 2)
}

/// Whether the mention ends on a lowercase unit of time ("A few minutes
/// later they left", "the past two decades", "over the last couple of
/// weeks"): an adverbial of when, which says nothing of who. (A quarter
/// is also a share of people: "a quarter of voters".)
fn time_span_head(v: &View<'_, '_>, mention: Range) -> bool {
    let last = mention.end - 1;
    v.is_word(last)
        && !v.cap(last)
        && crate::enrich::dates::lexicon::unit(&v.low(last))
            .is_some_and(|(u, _)| u != crate::enrich::dates::lexicon::Unit::Quarter)
}

/// Whether the mention is a verb opening its sentence and an object
/// pronoun ("Let me say …", "Tell us …"): an imperative has no subject.
fn imperative_opener(v: &View<'_, '_>, mention: Range) -> bool {
    mention.end == mention.first + 2
        && v.text.is_sentence_start(mention.first)
        && v.cap(mention.first)
        && !lexicon::is_determiner(&v.low(mention.first))
        && matches!(v.s(mention.first + 1), "me" | "us" | "him" | "them")
}

/// Whether a comma stands right before the name at `first`, past its
/// titles ("…, Sen. Jane Roe").
fn comma_before_titles(v: &View<'_, '_>, first: usize) -> bool {
    let mut k = first;
    for _ in 0..4 {
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        k = p;
        let w = v.low(k);
        if v.s(k) == "." || v.is_word(k) && v.cap(k) && lexicon::is_title(w.trim_end_matches('.')) {
            continue;
        }
        return v.s(k) == ",";
    }
    false
}

/// The latest token before `at` where `head` is introduced by an
/// indefinite article ("a senior Treasury official"), a few words apart;
/// not an appositive describing a name ("Jane Roe, a retired nurse,").
fn indefinite_before(v: &View<'_, '_>, head: &str, at: usize) -> Option<usize> {
    (at.saturating_sub(400)..at).rev().find(|&k| {
        if v.low(k) != head {
            return false;
        }
        let mut j = k;
        while j > k.saturating_sub(6) && j > 0 && v.is_word(j - 1) {
            j -= 1;
            if matches!(v.low(j).as_ref(), "a" | "an" | "one" | "another") {
                // set off by commas on both sides, not a clause's subject
                // after an opening phrase ("In Ohio, a nurse asked …")
                // ("Jane Roe, 41, a nurse,": after an age too)
                // ("Jim Doe (R), a lawyer,": after a party tag)
                let name_end = name_tag_start(v, j - 1);
                let appositive = name_end >= 1
                    && v.s(j - 1) == ","
                    && v.cap(name_end - 1)
                    && appositive_closes(v, k + 1);
                return !appositive;
            }
        }
        false
    })
}

/// "the 41-year-old mother", "the mother of two", "a father of three": a
/// parent noun with an age before it or a count of children after it
/// describes the person so, not as someone's relation ("the mother of
/// the boy" is another person; a bare "the mother" may be). The parent
/// noun's index in the speaker phrase `np` (`mention` its part the cue
/// scan kept).
fn parent_description(v: &View<'_, '_>, np: Range, mention: Range) -> Option<usize> {
    let end = np.end.max(mention.end);
    let k = (mention.first + 1..end).find(|&k| {
        matches!(
            v.low(k).as_ref(),
            "mother" | "father" | "grandmother" | "grandfather" | "mom" | "dad"
        )
    })?;
    let aged = (mention.first + 1..k).any(|j| hyphen_compound(v, j).ends_with("-year-old"));
    let children = v.low(k + 1) == "of" && v.is_cardinal(k + 2) && k + 3 == end;
    ((aged && k + 1 == end || children)
        && (mention.first + 1..k).all(|j| !matches!(v.s(j), "," | ";" | ":") && !v.in_quote(j)))
    .then_some(k)
}

/// Whether the appositive after the name opening at `first` holds the
/// word `w` ("Jo Roe, a spokeswoman for the coalition," holds
/// "coalition"), up to the comma closing it.
fn appositive_says(v: &View<'_, '_>, first: usize, w: &str) -> bool {
    let mut end = first;
    while end < v.len() && end - first < 6 && (v.cap(end) || is_dot_of_initial(v, end)) {
        end += 1;
    }
    let comma = after_name_tag(v, end);
    v.s(comma) == ","
        && (comma + 1..(comma + 14).min(v.len()))
            .take_while(|&k| v.s(k) != "," && !v.is_terminal(k))
            .any(|k| v.low(k) == w)
}

/// Whether an appositive whose head noun ends before `k` closes there: a
/// comma or the sentence's end, or one after the head's complement ("Jo
/// Roe, a spokeswoman for the Harbor Board, said"), which has no verb.
fn appositive_closes(v: &View<'_, '_>, k: usize) -> bool {
    let closes = |j: usize| v.s(j) == "," || v.is_terminal(j);
    if closes(k) {
        return true;
    }
    if !lexicon::is_np_preposition(&v.low(k)) {
        return false;
    }
    (k + 1..(k + 10).min(v.len()))
        .find(|&j| !v.is_word(j) || v.verbish(j) || v.irregular_past(j))
        .is_some_and(closes)
}

/// The token after what may stand between a name ending before `end` and
/// its appositive: an age set off by commas ("Jane Roe, 41, a nurse,") or
/// a party parenthetical ("Jim Doe (R), Roe's rival,"), so that the comma
/// opening the appositive stands at the index returned; `end` when
/// neither follows.
fn after_name_tag(v: &View<'_, '_>, end: usize) -> usize {
    if v.s(end) == "," && v.s(end + 2) == "," && is_age_number(v.s(end + 1)) && !v.in_quote(end + 1)
    {
        return end + 2;
    }
    party_parenthetical(v, end).map_or(end, |close| close + 1)
}

/// Where the name opens the tag that ends at the comma `comma` (see
/// [`after_name_tag`]): the token after the name, the comma itself when
/// no age or party parenthetical stands before it.
fn name_tag_start(v: &View<'_, '_>, comma: usize) -> usize {
    if comma >= 3 && is_age_number(v.s(comma - 1)) && v.s(comma - 2) == "," {
        return comma - 2;
    }
    if comma >= 2 && v.s(comma - 1) == ")" {
        if let Some(open) = (comma.saturating_sub(6)..comma - 1)
            .rev()
            .find(|&p| v.s(p) == "(")
            .filter(|&p| party_parenthetical(v, p) == Some(comma - 1))
        {
            return open;
        }
    }
    comma
}

/// A party parenthetical opening at `open` after a name: "(R)",
/// "(D-Ohio)", "(I-VT)". The index of its closing bracket.
fn party_parenthetical(v: &View<'_, '_>, open: usize) -> Option<usize> {
    let tag = open + 1;
    if v.s(open) != "(" || !(parties::is_letter(v.s(tag)) || is_party_state_tag(v, tag)) {
        return None;
    }
    (tag + 1..(open + 6).min(v.len()))
        .take_while(|&k| v.s(k) != ",")
        .find(|&k| v.s(k) == ")")
}

/// Whether the words from the name at `r` up to `end` describe that
/// person: an appositive, a participle or a relative clause ("Jane Roe,
/// 31, a nurse from", "Jane Roe, speaking at a rally in", "Jane Roe, an
/// aide who works for"), not a clause of its own with a finite verb ("Jane
/// Roe is assuring voters after a woman in …": the woman).
fn describes(v: &View<'_, '_>, r: Range, end: usize) -> bool {
    let gap = r.end..end;
    let relative = gap
        .clone()
        .any(|k| v.is_word(k) && matches!(v.low(k).as_ref(), "who" | "which"));
    relative || gap.clone().all(|k| !(v.verbish(k) || v.irregular_past(k)))
}

/// The name before an address ending at the comma `comma`: "Jane Roe of
/// Dover, Del.", "Jane Roe, 45, of Dover, Del." (capitalized words, then
/// "of" or "from", an optional age between commas, the name).
fn resident_before(v: &View<'_, '_>, comma: usize) -> Option<Range> {
    let mut k = comma;
    while k > 0 && comma - k < 4 && (v.cap(k - 1) || v.s(k - 1) == ".") {
        k -= 1;
    }
    if k == comma || k == 0 || !matches!(v.low(k - 1).as_ref(), "of" | "from") {
        return None;
    }
    let mut end = k - 1;
    // ", 45, of" / ", of"
    if end >= 3
        && v.s(end - 1) == ","
        && v.kind(end - 2) == Some(TokenKind::Number)
        && v.s(end - 3) == ","
    {
        end -= 3;
    } else if end >= 1 && v.s(end - 1) == "," {
        end -= 1;
    }
    let mut first = end;
    while first > 0
        && end - first < 4
        && (v.cap(first - 1) || is_dot_of_initial(v, first - 1))
        && !v.in_quote(first - 1)
    {
        first -= 1;
    }
    let r = Range { first, end };
    (end - first >= 2 && run_animacy(v, r) != Animacy::Org).then_some(r)
}

/// The word before the name at `first`, past its titles ("billionaire"
/// of "billionaire Gov. Jane Roe"), outside quotations.
/// The title words right before the name at `first` ("Sen." of "Ohio
/// Sen. Jane Roe"), nearest first.
fn titles_before<'a>(v: &'a View<'_, '_>, first: usize) -> impl Iterator<Item = usize> + 'a {
    let stop = word_before_titles(v, first).map_or(first.saturating_sub(4), |k| k + 1);
    (stop..first)
        .rev()
        .filter(move |&k| v.is_word(k) && v.cap(k))
}

/// Whether a party and state tag ("R-Ohio", "D-Maine") starts at `k`.
fn is_party_state_tag(v: &View<'_, '_>, k: usize) -> bool {
    let w = v.s(k);
    let tagged = |w: &str| {
        // (`get`: the token may open with a multi-byte character)
        w.get(..1).is_some_and(parties::is_letter)
            && w.get(1..2) == Some("-")
            && w[2..].starts_with(|c: char| c.is_uppercase())
    };
    tagged(w) || parties::is_letter(w) && v.s(k + 1) == "-"
}

fn word_before_titles(v: &View<'_, '_>, first: usize) -> Option<usize> {
    let mut k = first;
    for _ in 0..4 {
        k = k.checked_sub(1)?;
        if v.in_quote(k) || !(v.is_word(k) || v.s(k) == ".") {
            return None;
        }
        let w = v.low(k);
        // the dot of "Sen." only, not a sentence's end
        if v.s(k) == "." {
            if k > 0 && lexicon::is_title(&v.low(k - 1)) {
                continue;
            }
            return None;
        }
        if lexicon::is_title(w.trim_end_matches('.')) && v.cap(k) {
            continue;
        }
        return Some(k);
    }
    None
}

/// Whether `mention` is a person's relation: a possessive pronoun or a
/// name's possessive before lowercase-headed words ("his ex-wife", "Jane
/// Roe's Democratic opponent").
fn relation_phrase(v: &View<'_, '_>, mention: Range) -> bool {
    if matches!(v.low(mention.first).as_ref(), "his" | "her") {
        return true;
    }
    let Some(mark) = (mention.first + 1..mention.end).find(|&k| v.is_possessive(k)) else {
        return false;
    };
    // a person's relation, not a body of theirs ("Roe's campaign")
    mark + 1 < mention.end
        && !lexicon::is_determiner(&v.low(mention.first))
        && associate_animacy(&v.low(mention.end - 1)) == Animacy::Person
        && (mention.first..mark).all(|j| v.cap(j) || is_dot_of_initial(v, j))
        && (mark + 1..mention.end).all(|j| v.is_word(j) || v.joined_hyphen_before(j + 1))
        && !v.cap(mention.end - 1)
}

/// The person a description stands for among the candidates `found`
/// ([`Resolver::role_holders`]): the one when `unique` says only one may
/// fit, else the best fitting, current and latest named.
fn pick_holder(found: &[Holder], unique: bool) -> Option<usize> {
    if unique {
        return only_one(found);
    }
    found
        .iter()
        .max_by_key(|&&(fit, cur, at, _)| (fit, cur, at))
        .map(|&(_, _, _, ei)| ei)
}

/// The one entity of the candidates `found` (fit, holder, token,
/// entity); `None` when none or two different people fit.
fn only_one(found: &[Holder]) -> Option<usize> {
    let (&(_, _, _, ei), rest) = found.split_first()?;
    rest.iter().all(|c| c.3 == ei).then_some(ei)
}

/// Where the possessor of the noun at `k` opens ("his" of "his former
/// wife", "Roe" of "Jane Roe's rival"), past lowercase modifiers; `None`
/// when no possessor stands before the noun ("ex-wife Ivy Roe").
fn possessor_before(v: &View<'_, '_>, k: usize) -> Option<usize> {
    let mut j = k;
    while j > 0 && k - j < 4 {
        j -= 1;
        let w = v.low(j);
        if matches!(w.as_ref(), "his" | "her") {
            return Some(j);
        }
        if v.is_possessive(j) {
            let mut p = j;
            while p > 0 && j - p < 4 && (v.cap(p - 1) || is_dot_of_initial(v, p - 1)) {
                p -= 1;
            }
            return (p < j).then_some(p);
        }
        if !v.is_word(j) || lexicon::is_determiner(&w) || v.verbish(j) || v.irregular_past(j) {
            return None;
        }
    }
    None
}

/// Whether `w` is written as a person's age: one to three digits.
fn is_age_number(w: &str) -> bool {
    (1..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
}

/// A description set before the name at `first..end` as its appositive
/// ("his ex-wife, Ivy Roe,", "the party's nominee, Jane Roe."): the
/// phrase right before the comma opening the name, from its determiner or
/// possessive to its lowercase head, with the name closing the appositive
/// (a comma or the sentence's end after it; "Like the senator, Jane Roe
/// voted no" is a clause of its own). Returns the opener and the head.
fn description_before_name(v: &View<'_, '_>, first: usize, end: usize) -> Option<(usize, usize)> {
    let comma = first.checked_sub(1)?;
    // ("his rival, Jim Doe (R), said": after a party tag)
    let after = after_name_tag(v, end);
    if v.s(comma) != "," || !(v.s(after) == "," || v.is_terminal(after)) {
        return None;
    }
    let head = comma.checked_sub(1)?;
    if !v.is_word(head) || v.cap(head) || v.in_quote(head) {
        return None;
    }
    let sent = v.sentence(head).first;
    let mut k = head;
    while k > sent && head - k < 6 {
        k -= 1;
        let w = v.low(k);
        if matches!(w.as_ref(), "the" | "his" | "her" | "their" | "its") {
            return Some((k, head));
        }
        // "Roe's running mate, Al Poe,": a name's possessive opens it
        if v.is_possessive(k) && k > sent && v.cap(k - 1) {
            let mut p = k - 1;
            while p > sent && k - p < 4 && (v.cap(p - 1) || is_dot_of_initial(v, p - 1)) {
                p -= 1;
            }
            return Some((p, head));
        }
        // words, hyphens of compounds and possessive marks only
        if !(v.is_word(k) || v.joined_hyphen_before(k + 1) || v.is_possessive(k)) {
            return None;
        }
    }
    None
}

/// The head word of an appositive starting at `start` (after the comma
/// that follows a name): "a Texas billionaire," -> "billionaire", "the
/// former head of the agency," -> "head". The phrase opens with a
/// determiner or a possessive and ends at a comma, a relative pronoun or
/// the sentence's end.
fn appositive_head(v: &View<'_, '_>, start: usize) -> Option<usize> {
    let w0 = v.low(start);
    // "Al Poe, Roe's rival,": a name's possessive opens it too; "Al
    // Poe, another aide," is an aide as well
    let from = if lexicon::is_determiner(&w0) || matches!(w0.as_ref(), "his" | "her" | "another") {
        start
    } else {
        (start + 1..(start + 4).min(v.len()))
            .take_while(|&k| v.is_possessive(k) || v.cap(k) || is_dot_of_initial(v, k))
            .find(|&k| v.is_possessive(k))
            .filter(|_| v.cap(start))?
    };
    if v.in_quote(start) {
        return None;
    }
    let mut head = None;
    for k in from + 1..(start + 10).min(v.len()) {
        let w = v.low(k);
        if !v.is_word(k) || lexicon::is_np_preposition(&w) || matches!(w.as_ref(), "who" | "whose")
        {
            break;
        }
        head = Some(k);
    }
    head.filter(|&k| !v.cap(k))
}

/// The phrase at the cue as written, unresolved.
/// Verbs whose subject issued the document that is their object ("Acme
/// released a report").
pub(super) const ISSUING_VERBS: &[&str] = &[
    "released",
    "issued",
    "sent",
    "published",
    "wrote",
    "signed",
    "filed",
    "sends",
    "releases",
    "issues",
    "publishes",
    "writes",
    "signs",
    "files",
    // publishing: "the Ledger ran a piece", "the campaign aired an ad"
    "ran",
    "runs",
    "aired",
    "airs",
    "posted",
    "posts",
    "penned",
    "pens",
];

/// Whether the speaker phrase `np` is an indefinite party member: "an
/// Iowa Democrat", "a New Hampshire Republican", "another Republican",
/// "one GOP conservative" (an article or "another"/"one", capitalized
/// modifiers at most, and a party-member noun last).
/// The phrase with its article (which the subject scan after an inverted
/// cue may leave out: "said an Iowa Democrat").
fn indefinite_party_member(v: &View<'_, '_>, np: Range) -> Option<Range> {
    let article = |k: usize| matches!(v.low(k).as_ref(), "a" | "an" | "another" | "one");
    let first = if article(np.first) {
        np.first
    } else {
        np.first.checked_sub(1).filter(|&k| article(k))?
    };
    let last = np.end.checked_sub(1)?;
    (last > first
        && v.cap(last)
        && lexicon::is_party_member(&v.low(last))
        && (first + 1..last).all(|k| v.is_word(k) && v.cap(k)))
    .then_some(Range { first, end: np.end })
}

/// The document noun heading the speaker phrase `np` (before any
/// preposition or participle after it): "the new disclosure form", "a
/// letter from Roe". `None` when its head is no document, or the document
/// only modifies it ("the report's authors").
fn document_head(v: &View<'_, '_>, np: Range) -> Option<usize> {
    // "the speech Roe gave at Yale": a contact clause names its issuer
    if let Some(head) = (np.first..np.end).find(|&k| {
        v.is_word(k)
            && !v.cap(k)
            && lexicon::is_document_noun(&v.low(k))
            && contact_issuer(v, np, k).is_some()
    }) {
        return Some(head);
    }
    let head = (np.first..np.end)
        .take_while(|&k| {
            k == np.first
                || !(v.is_word(k)
                    && (lexicon::is_np_preposition(&v.low(k))
                        || v.low(k) == "by"
                        || lexicon::is_issue_participle(&v.low(k))))
        })
        .filter(|&k| v.is_word(k) && !v.cap(k))
        .last()?;
    if !lexicon::is_document_noun(&v.low(head)) {
        return None;
    }
    let next = head + 1;
    let ends = next == np.end
        || matches!(v.low(next).as_ref(), "from" | "by")
        || lexicon::is_issue_participle(&v.low(next))
        || issuer_after_of(v, np, next).is_some();
    ends.then_some(head)
}

/// The subject of a relative clause without "that" right after the
/// document noun at `head`, naming who issued it: "the speech Jane Roe
/// gave in May", "documents he filed with the court", "reports Mr. Doe
/// submitted". A name (titles and initials included) or a subject
/// pronoun, then a past verb.
fn contact_issuer(v: &View<'_, '_>, np: Range, head: usize) -> Option<Range> {
    let first = head + 1;
    let mut end = first;
    if v.is_word(first) && lexicon::is_subject_pronoun(&v.low(first)) {
        end = first + 1;
    } else {
        while end < np.end && (v.cap(end) || is_dot_of_initial(v, end) || v.abbreviation_dot(end)) {
            end += 1;
        }
    }
    let verb = end < np.end && (v.verbish(end) || v.irregular_past(end));
    // "reports Mr. Doe filed": the name without its title
    if !(end > first && verb && !lexicon::is_aux(&v.low(end))) {
        return None;
    }
    let mut name = strip_titles(v, Range { first, end });
    while name.end > name.first + 1 && !v.is_word(name.first) {
        name.first += 1;
    }
    Some(name)
}

/// The "by" naming the author after a document's "of" complement: "an
/// analysis of county tax records by Acme", "a review of the filings by
/// the Ledger". `next` is the token after the document noun; the "by"
/// must come within eight words, with no verb or comma before it.
fn issuer_after_of(v: &View<'_, '_>, np: Range, next: usize) -> Option<usize> {
    if next >= np.end || v.low(next) != "of" {
        return None;
    }
    (next + 1..np.end.min(next + 9))
        .take_while(|&j| v.is_word(j) && !v.verbish(j) || is_dot_of_initial(v, j))
        .find(|&j| v.low(j) == "by")
}

/// The whole document phrase when the speaker phrase `np` is the last of
/// its signers ("a letter signed by Roe and Doe said": the subject scan
/// stops at "and"), so that the first signer speaks.
fn signers_phrase(v: &View<'_, '_>, np: Range) -> Option<Range> {
    let and = np.first.checked_sub(1)?;
    if v.low(and) != "and" {
        return None;
    }
    let sent = v.sentence(and).first;
    let mut k = and;
    while k > sent
        && and - k < 12
        && (v.cap(k - 1) || is_dot_of_initial(v, k - 1) || matches!(v.s(k - 1), "," | "and"))
    {
        k -= 1;
    }
    let by = k.checked_sub(1)?;
    if !matches!(v.low(by).as_ref(), "by" | "from") || by + 1 == and {
        return None;
    }
    let mut head = by.checked_sub(1)?;
    if lexicon::is_issue_participle(&v.low(head)) {
        head = head.checked_sub(1)?;
    }
    if !v.is_word(head) || v.cap(head) || !lexicon::is_document_noun(&v.low(head)) {
        return None;
    }
    Some(Range {
        first: document_phrase(v, head).first,
        end: np.end,
    })
}

/// The phrase around an earlier mention of a document at `head`: its
/// modifiers and determiner before it ("Roe's new", "an Acme") and a
/// "from"/"by" name after it, inside its sentence.
fn document_phrase(v: &View<'_, '_>, head: usize) -> Range {
    let sent = v.sentence(head);
    let mut first = head;
    while first > sent.first
        && head - first < 6
        && (v.cap(first - 1)
            || is_dot_of_initial(v, first - 1)
            || matches!(v.s(first - 1), "'s" | "’s")
            || v.is_word(first - 1)
                && !lexicon::is_determiner(&v.low(first - 1))
                && !v.verbish(first - 1)
                && !v.irregular_past(first - 1)
                && !ISSUING_VERBS.contains(&v.low(first - 1).as_ref()))
    {
        first -= 1;
    }
    if first > sent.first && lexicon::is_determiner(&v.low(first - 1)) {
        first -= 1;
    }
    let mut end = head + 1;
    if lexicon::is_issue_participle(&v.low(end)) {
        end += 1;
    }
    if matches!(v.low(end).as_ref(), "from" | "by") {
        end += 1;
        while end < sent.end && (v.cap(end) || is_dot_of_initial(v, end)) {
            end += 1;
        }
    }
    Range {
        first,
        end: end.min(sent.end),
    }
}

fn as_written(written: &Speaker, animacy: Animacy) -> Choice {
    Choice {
        source: Source::CueSubject,
        speaker: written.clone(),
        animacy,
        gender: written_gender(&written.text),
        features: Features::default(),
    }
}

/// The gender a speaker phrase as written says: a pronoun's ("she"), a
/// title's or first name's ("Mrs. Roe", "Jane Roe") or its head noun's
/// ("the businesswoman", "Roe's husband").
fn written_gender(text: &str) -> Option<Gender> {
    let low = crate::text::lowercase(text);
    match low.as_ref() {
        "he" => return Some(Gender::Male),
        "she" => return Some(Gender::Female),
        _ => {}
    }
    name_gender(text).or_else(|| noun_gender(low.split_whitespace().next_back()?))
}

/// "a person close to Roe", "one Democrat familiar with the talks",
/// "people close to the mayor": a source described by whom or what it is
/// near, which is neither Roe, a Democrat nor the mayor. The index of the
/// post-nominal adjective; its head noun ends right before it.
fn described_source(v: &View<'_, '_>, np: Range) -> Option<usize> {
    (np.first + 1..np.end.saturating_sub(2)).find(|&k| {
        v.is_word(k)
            && !v.cap(k)
            && lexicon::is_postnominal_adjective(&v.low(k))
            && matches!(v.low(k + 1).as_ref(), "to" | "with" | "about" | "of")
    })
}

/// What kind of speaker someone's people are, by the associate noun that
/// names them ([`lexicon::is_associate_head`]): "Roe's campaign", "the team
/// for Roe" are a body; "aides", "his family", "spokespeople for Roe" a
/// group; "a lawyer", "his wife" a person.
fn associate_animacy(head: &str) -> Animacy {
    match head {
        "campaign" | "team" | "office" | "staff" | "camp" => Animacy::Org,
        h if h.ends_with('s') || h == "family" || h == "spokespeople" => Animacy::Group,
        _ => Animacy::Person,
    }
}

/// "a lawyer for Jane Roe", "aides to the mayor", "the spokeswoman for the
/// Harbor Board": someone's own people, named by a lowercase associate
/// noun and "for" or "to" before a name. The index of the preposition;
/// the agent's head noun ends right before it. ("Secretary for Health Jo
/// Roe": a capitalized title is no agent; "Jo Roe an analyst for Acme":
/// a name before its appositive is.)
fn agent_preposition(v: &View<'_, '_>, np: Range) -> Option<usize> {
    let opens = lexicon::is_determiner(&v.low(np.first));
    (np.first + 1..np.end.saturating_sub(1)).find(|&k| {
        let head = k - 1;
        let mut next = k + 1;
        // "an adviser to both Roes", "aides to the mayor"
        if next < np.end && lexicon::is_determiner(&v.low(next)) {
            next += 1;
        }
        matches!(v.low(k).as_ref(), "for" | "to")
            && (opens || head == np.first)
            && v.is_word(head)
            && (!v.cap(head) || v.text.is_sentence_start(head))
            && lexicon::is_associate_head(&v.low(head))
            && next < np.end
            && v.cap(next)
    })
}

/// The mention nearest the cue inside a speaker noun phrase: the name when
/// the phrase's head is one ("Acme CEO Jane Roe" -> "Jane Roe"), else
/// the phrase as written.
pub fn mention_in(v: &View<'_, '_>, np: Range) -> Range {
    if described_source(v, np).is_some() {
        return np;
    }
    // head phrase: up to the first preposition
    let mut head_end = np.end;
    for k in np.first + 1..np.end {
        if v.is_word(k) && lexicon::is_np_preposition(&v.low(k)) {
            head_end = k;
            break;
        }
    }
    // "Secretary of State Jane Roe", "Former Minister of Health Jan Roe":
    // a title with its "of" complement, then the holder's name, which
    // opens with a given name
    // ("former US secretary of state …", "RNC Chief of Staff …": a
    // capitalized modifier may stand with the title, and the title word
    // may be lowercase)
    let is_title_at = |k: usize| lexicon::is_title(v.low(k).trim_end_matches('.'));
    let titles_only = (np.first..head_end).any(is_title_at)
        && (np.first..head_end)
            .all(|k| v.cap(k) || is_title_at(k) || matches!(v.low(k).as_ref(), "former" | "then"));
    if head_end < np.end && titles_only && v.cap(np.end - 1) {
        let mut first = np.end - 1;
        while first > head_end + 1 && (v.cap(first - 1) || is_dot_of_initial(v, first - 1)) {
            first -= 1;
        }
        if let Some(given) =
            (first..np.end - 1).find(|&k| v.is_word(k) && first_name_gender(v.s(k)).is_some())
        {
            return Range {
                first: given,
                end: np.end,
            };
        }
        // a given name the census does not know ("Minister of Health
        // Xiadani Quill"): the complement takes one word or more, the
        // name its last two
        if np.end >= first + 3
            && (np.end - 2..np.end).all(|k| v.is_word(k) && !lexicon::is_org_head(&v.low(k)))
        {
            return Range {
                first: np.end - 2,
                end: np.end,
            };
        }
    }
    // "a lawyer for Jane Roe", "aides to the mayor": an agent who speaks
    // for the name after the preposition, and is not that name
    if agent_preposition(v, np).is_some() {
        return np;
    }
    // "Hundreds of pro-Roe marchers", "A crowd of Doe fans": the "of"
    // phrase names the members, who speak; the count alone (capitalized
    // when it opens the sentence) names nobody
    if head_end + 1 < np.end
        && v.low(head_end) == "of"
        && lexicon::is_collective(&v.low(head_end - 1))
        && !v.cap(np.end - 1)
    {
        return np;
    }
    let last = head_end - 1;
    let last_low = v.low(last);
    if lexicon::is_subject_pronoun(&last_low) && head_end - np.first == 1 {
        return Range {
            first: last,
            end: head_end,
        };
    }
    // "Chief economist at Stone Ridge Capital Group Mary Jones":
    // a role head, then the name at the end of the phrase
    let lead_name_end = (np.first..head_end)
        .find(|&k| !(v.cap(k) || is_dot_of_initial(v, k)))
        .unwrap_or(head_end);
    let lead_name = lead_name_end >= np.first + 2
        && !lexicon::is_determiner(&v.low(np.first))
        && lexicon::is_determiner(&v.low(lead_name_end));
    if head_end < np.end
        && !lead_name
        && !v.cap(last)
        && lexicon::is_person_role(&last_low)
        && v.cap(np.end - 1)
    {
        let mut first = np.end - 1;
        while first > head_end && (v.cap(first - 1) || is_dot_of_initial(v, first - 1)) {
            first -= 1;
        }
        // drop an organisation name glued before the person's name
        let mut cut = first;
        for k in first..np.end - 1 {
            if lexicon::is_org_head(&v.low(k)) {
                cut = k + 1;
            }
        }
        return strip_titles(
            v,
            Range {
                first: cut,
                end: np.end,
            },
        );
    }
    if v.cap(last) && !lexicon::is_group_head(&last_low) {
        // the capitalized run ending at the head
        let mut first = last;
        while first > np.first
            && (v.cap(first - 1)
                || matches!(v.s(first - 1), "&" | "-" | "'s" | "’s")
                || is_dot_of_initial(v, first - 1))
        {
            // "the Ledger's Jane Roe": the person after an outlet's 's
            if matches!(v.s(first - 1), "'s" | "’s") && first_name_gender(v.s(first)).is_some() {
                break;
            }
            first -= 1;
        }
        let run = strip_titles(
            v,
            Range {
                first,
                end: head_end,
            },
        );
        // keep "The" of "The New York Times" when the run is an org
        return run;
    }
    // "John Doe an equity strategist …": a name before an appositive;
    // "Roe went on a rant": a name before its verb
    if v.cap(np.first) && !lexicon::is_determiner(&v.low(np.first)) {
        let mut e = np.first;
        // "Ohio Sen. Jane Roe's campaign": an abbreviated title's dot
        // stays inside the run
        while e < head_end
            && (v.cap(e) || is_dot_of_initial(v, e) || v.abbreviation_dot(e) && v.cap(e + 1))
        {
            e += 1;
        }
        // "Anti-war activists", "Ohio-based voters", "Election scholars":
        // a capitalized modifier of a plural head is no name
        // (after a title the run is a person's name, and an -s word after
        // it is the name's verb: "Mr. Roe tries to …")
        let titled = lexicon::is_title(v.low(np.first).trim_end_matches('.'));
        let plural_head = e + 1 == head_end
            && v.is_word(e)
            && !v.cap(e)
            && v.low(e).ends_with('s')
            && !v.low(e).ends_with("ss")
            && !titled;
        // "Ohio party elders", "Texas political hands": lowercase
        // modifiers, then a plural or group head; the place or outfit
        // only says which
        let modified_plural_head = e + 1 < head_end
            && (e..head_end).all(|k| {
                v.is_word(k)
                    && !v.cap(k)
                    && !v.verbish(k)
                    && !v.irregular_past(k)
                    && !lexicon::is_determiner(&v.low(k))
                    && v.cue_at(k).is_none()
            })
            && {
                let h = v.low(head_end - 1);
                lexicon::is_group_head(&h) || h.ends_with('s') && !h.ends_with("ss")
            };
        if e < head_end && (v.joined_hyphen_before(e + 1) || plural_head || modified_plural_head) {
            return np;
        }
        let after = v.low(e);
        // "Roe's campaign says", "the Smiths' lawyer said": the campaign,
        // the lawyer, not Roe or the Smiths
        if e + 1 < head_end && v.is_possessive(e) && !v.cap(e + 1) {
            let mut end = np.end;
            while end > e + 2
                && (lexicon::is_determiner(&v.low(end - 1))
                    || lexicon::is_np_preposition(&v.low(end - 1)))
            {
                end -= 1;
            }
            return Range {
                first: np.first,
                end,
            };
        }
        let stops = lexicon::is_determiner(&after)
            || !(lexicon::is_group_head(&after)
                || lexicon::is_person_role(&after)
                || lexicon::is_org_head(&after));
        let only_titles = (np.first..e).all(|k| lexicon::is_title(&v.low(k)));
        if e < head_end && stops && !only_titles {
            return Range {
                first: np.first,
                end: e,
            };
        }
    }
    np
}

/// The speaker phrase without the parts that cannot end a noun phrase:
/// a bracketed tag at its end ("Jane Roe (D-Ohio)", "Acme (ACME)") and
/// a determiner or preposition left dangling where a scan stopped ("the
/// members of the"), and a day adjunct after it ("the audit on Friday").
/// `None` when what remains is a day or time word
/// ("said Friday"): a date is nobody's words.
fn trim_phrase(v: &View<'_, '_>, np: Range) -> Option<Range> {
    let mut end = np.end;
    if end > np.first + 1 && v.s(end - 1) == ")" {
        if let Some(open) = (np.first + 1..end - 1).rev().find(|&k| v.s(k) == "(") {
            end = open;
        }
    }
    // "Jane Roe - who once ran for mayor - said": the dash that opened
    // the aside is no part of the phrase
    while end > np.first + 1 && matches!(v.s(end - 1), "-" | "–" | "—" | "--") {
        end -= 1;
    }
    // "the mayor himself said": the intensifying reflexive stresses the
    // phrase, it is no part of it (nor of a name: "Mr. Roe himself")
    if end > np.first + 1
        && matches!(
            v.low(end - 1).as_ref(),
            "himself" | "herself" | "itself" | "themselves"
        )
    {
        end -= 1;
    }
    // "a state audit on Friday": the day is when, not part of who
    if end > np.first + 2
        && lexicon::is_time_word(&v.low(end - 1))
        && matches!(
            v.low(end - 2).as_ref(),
            "on" | "in" | "at" | "from" | "since"
        )
    {
        end -= 2;
    }
    // "Jane Roe recently urged", "the union quickly denied": an adverb
    // the scan took in after a name or a noun says when or how, it is no
    // part of who (after a determiner it is the noun itself: "the first")
    while end > np.first + 1
        && v.is_word(end - 1)
        && !v.cap(end - 1)
        && v.is_word(end - 2)
        && !lexicon::is_determiner(&v.low(end - 2))
        // "… not authorized to speak publicly": after a verb it is the
        // verb's adverb, and the phrase is a clause the trim leaves alone
        && !(v.verbish(end - 2) || end >= 3 && v.low(end - 3) == "to")
        && {
        let w = v.low(end - 1);
        lexicon::is_ly_adverb(&w)
            || lexicon::is_preverbal(&w) && !lexicon::is_aux(&w) && !lexicon::is_modal(&w)
    } {
        end -= 1;
    }
    // "voters nationwide said", "analysts here say": a place adverb after
    // the noun says where they are, the noun before it speaks
    while end > np.first + 1
        && v.is_word(end - 1)
        && !v.cap(end - 1)
        && v.is_word(end - 2)
        && lexicon::is_place_adverb(&v.low(end - 1))
    {
        end -= 1;
    }
    while end > np.first + 1
        && v.is_word(end - 1)
        && (lexicon::is_pure_determiner(&v.low(end - 1))
            || lexicon::is_np_preposition(&v.low(end - 1)))
    {
        // "a source close to her": the object pronoun ends the phrase
        let before = v.low(end - 2);
        if v.low(end - 1) == "her" && (before == "to" || lexicon::is_np_preposition(&before)) {
            break;
        }
        end -= 1;
    }
    if end == np.first + 1 && lexicon::is_time_word(&v.low(np.first)) && v.cap(np.first) {
        return None;
    }
    Some(Range {
        first: np.first,
        end,
    })
}

/// The organization name `run` heads with its "of" or "for" complement
/// when the entity tagger gave the whole name to no entity: "the
/// Council for Safe Streets", "the Bureau of Water Supply" (a name run
/// stops at the lowercase preposition). The run must end on an
/// organization head and the complement be capitalized words of the same
/// line; `None` otherwise.
fn org_complement(v: &View<'_, '_>, run: Range) -> Option<Range> {
    let prep = run.end;
    if !(lexicon::is_org_head(&v.low(prep.checked_sub(1)?))
        && matches!(v.s(prep), "of" | "for")
        && v.text.tokens().get(prep + 1)?.newlines_before == 0)
    {
        return None;
    }
    let mut end = prep + 1;
    while end < v.len()
        && v.is_word(end)
        && v.cap(end)
        && !v.text.is_sentence_start(end)
        && v.text
            .tokens()
            .get(end)
            .is_some_and(|t| t.newlines_before == 0)
    {
        end += 1;
    }
    (end > prep + 1).then_some(Range {
        first: run.first,
        end,
    })
}

/// Drop leading titles and a sentence-initial "The": "US Labor Secretary
/// Jane Roe" -> "Jane Roe". Never returns an empty range.
fn strip_titles(v: &View<'_, '_>, r: Range) -> Range {
    let mut cut = None;
    for k in r.first..r.end.saturating_sub(1) {
        // a party word before a full name is a label like a title
        // ("Republican Jane Roe"), not part of the name
        let party_label = lexicon::is_party_member(&v.low(k)) && k + 2 < r.end;
        if lexicon::is_title(v.low(k).trim_end_matches('.')) || party_label {
            cut = Some(k + 1);
        }
    }
    let mut first = cut.unwrap_or(r.first);
    // org names keep their words; only strip when the rest looks like a name
    if cut.is_some() && first < r.end && run_animacy(v, Range { first, end: r.end }) == Animacy::Org
    {
        first = r.first;
    }
    while first + 1 < r.end && matches!(v.low(first).as_ref(), "the" | "a" | "an") {
        first += 1;
    }
    // "The New York Times", "The Telegraph": a capitalized "The" belongs to
    // an organisation's name
    if first > r.first && v.s(first - 1) == "The" && cut.is_none() {
        let org = run_animacy(v, Range { first, end: r.end }) == Animacy::Org;
        if org || !v.text.is_sentence_start(first - 1) {
            first -= 1;
        }
    }
    Range { first, end: r.end }
}

fn run_animacy(v: &View<'_, '_>, r: Range) -> Animacy {
    for k in r.first..r.end {
        let w = v.low(k);
        if lexicon::is_org_head(w.trim_end_matches('.')) {
            return Animacy::Org;
        }
    }
    if r.first > 0 && lexicon::is_title(&v.low(r.first - 1)) {
        return Animacy::Person;
    }
    Animacy::Unknown
}

/// Every capitalized run of the article (not sentence-initial function
/// words), titles stripped, with animacy and subject position.
fn name_runs(v: &View<'_, '_>) -> Vec<NameRun> {
    let n = v.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !(v.is_word(i) && v.cap(i)) || v.in_quote(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < n
            && (v.is_word(end) && v.cap(end) || is_dot_of_initial(v, end))
            && v.text.tokens()[end].newlines_before == 0
            && !v.in_quote(end)
        {
            end += 1;
        }
        i = end;
        let mut first = start;
        // sentence-initial function words are not names
        while first < end
            && v.text.is_sentence_start(first)
            && (lexicon::is_determiner(&v.low(first))
                || lexicon::is_subject_pronoun(&v.low(first))
                || lexicon::is_left_barrier(&v.low(first))
                || matches!(
                    v.low(first).as_ref(),
                    "in" | "on"
                        | "at"
                        | "according"
                        | "during"
                        | "however"
                        | "meanwhile"
                        | "for"
                        | "with"
                        | "from"
                ))
        {
            first += 1;
        }
        if first >= end {
            continue;
        }
        let r = strip_titles(v, Range { first, end });
        let prev = r.first.checked_sub(1);
        let subject = r.first == v.sentence(r.first).first
            || prev.is_some_and(|p| {
                v.s(p) == "," || lexicon::is_title(&v.low(p)) || v.text.is_sentence_start(p)
            })
            || (r.end < n && (v.cue_at(r.end).is_some() || v.verbish(r.end) || v.s(r.end) == ","));
        // a stripped title makes a person ("Labor Secretary Jane Roe")
        let mut animacy = run_animacy(v, r);
        if r.first > first && animacy == Animacy::Unknown {
            animacy = Animacy::Person;
        }
        if animacy == Animacy::Unknown && r.end - r.first >= 2 && r.end - r.first <= 3 {
            animacy = Animacy::Person;
        }
        out.push(NameRun {
            range: r,
            last: v.low(r.end - 1).to_string(),
            animacy,
            subject,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        containing, find, org, people, person, run, run_with, speaker, speaker_among,
    };
    use crate::event::EntityType;

    #[test]
    fn a_name_inside_the_reported_content_is_no_antecedent_when_someone_stands_outside() {
        // the farmer goes on speaking; the name after "Also," is his topic
        let body = "Walt Bremer, a farmer from Iowa, said he would skip the vote. \
                    Also, Otto Krall is no friend of farmers, he said.";
        let ents = people(body, &["Walt Bremer", "Otto Krall"]);
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "no friend of farmers")),
            ("Walt Bremer", "he")
        );
        // with nobody outside, the content's own subject is the topic the
        // pronoun takes up
        let body = "The crowd grew loud near the stage. \
                    At the rally, Ada Lund was shocked by the jeers, she said.";
        let ents = people(body, &["Ada Lund"]);
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "shocked by the jeers")),
            ("Ada Lund", "she")
        );
    }

    #[test]
    fn a_possessor_opening_the_sentence_is_not_its_subject() {
        // Kip Varga's gender is unknown; the main clause's subject is Ada Lund
        let body = "Ada Lund spoke to a crowd in Dover on Friday. \
                    Absent Kip Varga’s own plan, which was never filed, Ada Lund \
                    pointed to the many times Kip Varga has laid out a budget. \
                    “It worries me,” she went on.";
        let ents = people(body, &["Ada Lund", "Kip Varga"]);
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "It worries me,")), ("Ada Lund", "she"));
        // "'s" before a verb is "has": the name opens the main clause
        let body = "Kip Varga’s been at odds with the board for weeks, \
                    and Tam Reyes is unhappy too. \
                    “You have never run a budget,” he said.";
        let ents = people(body, &["Tam Reyes", "Kip Varga"]);
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(find(&qs, "You have never run a budget,")),
            ("Kip Varga", "he")
        );
    }

    #[test]
    fn a_name_after_an_ing_form_is_an_object() {
        let body = "Tom Reyes is trailing Walt Bremer in Iowa, where he says \
                    he can still win the caucus.";
        let ents = people(body, &["Tom Reyes", "Walt Bremer"]);
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "can still win")),
            ("Tom Reyes", "he")
        );
    }

    #[test]
    fn a_description_goes_to_the_person_the_article_described_so() {
        // the appositive says who "the shipbuilder" is; the nearer coach is
        // another person
        let body = "Ruth Calder, a retired shipbuilder, bought the club in May. \
                    Coach Dan Mireles ran the first practice. \
                    “We will be back,” the shipbuilder said.";
        let ents = people(body, &["Ruth Calder", "Dan Mireles"]);
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(find(&qs, "We will be back,")),
            ("Ruth Calder", "the shipbuilder")
        );
        // the word before a name describes it as well
        let body = "Farmer Ivo Brandt and Nell Ashby met on Friday. \
                    “Prices are too low,” the farmer said.";
        assert_eq!(
            speaker_among(body, &["Ivo Brandt", "Nell Ashby"], "Prices are too low,"),
            "Ivo Brandt"
        );
    }

    #[test]
    fn a_proper_modifier_chooses_between_two_holders_of_a_role() {
        let body = "Senator Ada Quill of Nevada and Senator Piet Varga of Maine \
                    spoke after the vote. “The bill is dead,” the Maine senator said.";
        let mut quill = person("e1", "Ada Quill", body, &["Ada Quill"]);
        let mut varga = person("e2", "Piet Varga", body, &["Piet Varga"]);
        quill.roles = vec!["Senator".into()];
        varga.roles = vec!["Senator".into()];
        // the first holder of the role is not the one the phrase names
        let qs = run_with(body, &[quill, varga]);
        assert_eq!(speaker(find(&qs, "The bill is dead,")).0, "Piet Varga");
        // a proper modifier that fits nobody resolves to nobody by it
        let body = "Ohio lawmaker Piet Varga voted no. \
                    “The bill is dead,” the Nevada lawmaker said.";
        let varga = person("e2", "Piet Varga", body, &["Piet Varga"]);
        let qs = run_with(body, &[varga]);
        assert_ne!(speaker(find(&qs, "The bill is dead,")).0, "Piet Varga");
    }

    #[test]
    fn a_title_abbreviation_and_a_party_state_tag_pick_the_role_holder() {
        // the holder tied to the state by the tag after the name, not the latest
        let body = "Sen. Jane Roe, R-Ohio, spoke after Sen. Tom Lee, D-Maine. \
                    “It lives,” the Maine senator said.";
        let ents = people(body, &["Jane Roe", "Tom Lee"]);
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "It lives,")).0, "Tom Lee");
        // a current holder is not the one introduced as a former one
        let body = "Gov. Tom Lee met former Gov. Jane Roe on Monday. \
                    “The bill is dead,” the former governor said. \
                    “We will win,” the governor said.";
        let ents = people(body, &["Tom Lee", "Jane Roe"]);
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "The bill is dead,")).0, "Jane Roe");
        assert_eq!(speaker(find(&qs, "We will win,")).0, "Tom Lee");
    }

    #[test]
    fn a_document_speaks_for_whoever_the_text_says_issued_it() {
        let body = "Senator Ada Quill wrote to the board on Monday. \
                    Quill's letter said the new fees were unfair to growers. \
                    A Kelvar Mills statement said the plant would stay open. \
                    A letter from Quill said the board had not answered. \
                    A letter signed by Ada Quill and Tom Brandt said the board had erred. \
                    The Orlen Institute released a report on Tuesday. \
                    Wages rose in the spring. \
                    The report said wages had fallen since then.";
        let kelvar = org("e2", "Kelvar Mills", body);
        let orlen = org("e4", "Orlen Institute", body);
        let ents = [
            person("e1", "Ada Quill", body, &["Ada Quill", "Quill"]),
            kelvar,
            person("e3", "Tom Brandt", body, &["Tom Brandt"]),
            orlen,
        ];
        let qs = run_with(body, &ents);
        let said = |part: &str| {
            let q = containing(&qs, part);
            speaker(q)
        };
        // a possessive: the owner, the document phrase kept as the mention
        assert_eq!(said("unfair to growers"), ("Ada Quill", "Quill's letter"));
        // a recognized organisation modifying it
        assert_eq!(said("stay open").0, "Kelvar Mills");
        // "from" and the first of its signers
        assert_eq!(said("not answered").0, "Ada Quill");
        assert_eq!(said("had erred").0, "Ada Quill");
        // a bare "the report": the issuer of the report mentioned before
        assert_eq!(said("fallen since"), ("Orlen Institute", "The report"));
    }

    #[test]
    fn a_document_without_a_named_issuer_keeps_its_description() {
        // an unrecognized modifier, a filing's office and an earlier
        // mention without issuer say nobody issued it
        let body = "Ada Quill spoke on Monday. \
                    A county memo said the roads would close. \
                    Court filings said the debt was paid. \
                    Reporters saw a memo on Friday. \
                    The memo said the vote was set.";
        let ents = [person("e1", "Ada Quill", body, &["Ada Quill"])];
        let qs = run_with(body, &ents);
        for part in ["roads would close", "debt was paid", "vote was set"] {
            let q = containing(&qs, part);
            let (name, text) = speaker(q);
            assert_ne!(name, "Ada Quill", "{part}");
            assert_eq!(name, text, "{part}");
        }
    }

    #[test]
    fn an_unnamed_source_keeps_its_description() {
        let body = "Ada Quill chairs the panel. \
                    “A ruling is near,” a court spokesman said on Monday.";
        let ents = [person("e1", "Ada Quill", body, &["Ada Quill"])];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(find(&qs, "A ruling is near,")),
            ("a court spokesman", "a court spokesman")
        );
        // a described name yields to an unnamed person introduced after it
        let body = "Ruth Calder, a court clerk, left early. In the hall, a clerk \
                    at the desk watched the vote. “It was close,” the clerk said.";
        let ents = [person("e1", "Ruth Calder", body, &["Ruth Calder"])];
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "It was close,")).0, "the clerk");
    }

    #[test]
    fn a_signature_line_under_a_quotation_names_its_speaker() {
        let body = "Ivo Brandt spoke at noon.\n\n\
                    “Bridges do not build themselves, and neither do budgets.”\n\n\
                    — Nell Ashby, mayor of Lakeside\n\n\
                    “Every harbour needs a lighthouse, not a tollbooth.”\n\n\
                    - Gov. Tomas Rilke.\n\n\
                    “Our ferries run on time and on budget, every day.”\n\n\
                    — Cut the fares for students.";
        let qs = run(body);
        let name = |part: &str| {
            qs.iter()
                .find(|q| q.text.contains(part))
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.name.clone())
        };
        assert_eq!(name("Bridges do not").as_deref(), Some("Nell Ashby"));
        assert_eq!(name("Every harbour").as_deref(), Some("Tomas Rilke"));
        // a list item under a quotation is no signature
        assert_ne!(name("Our ferries").as_deref(), Some("Cut"));
    }

    #[test]
    fn the_name_after_an_opening_phrase_is_the_subject_a_pronoun_takes_up() {
        // the opening phrase names a place the tagger took for an
        // organisation; the main clause's subject is still the antecedent,
        // not the person named in its complement clause
        let body = "At a fair in Dover, Del., Mr. Vance was blunt, claiming \
                    without proof that President Hale wanted more tariffs. \
                    “You would have to be mad,” he said.";
        let del = org("e1", "Del.", body);
        let ents = [
            del,
            person("e2", "Vance", body, &["Vance"]),
            person("e3", "Hale", body, &["Hale"]),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "You would have to be mad,")).0, "Vance");
        // a name after a later comma of a clause is an appositive, no
        // subject: "In 1990, Roe joined a firm, Acme, where …"
        let body = "In 1990, Mira Holt joined a small office, Quill Varga, \
                    where clients were rude. She said she recalls “the noise.”";
        let ents = people(body, &["Mira Holt", "Quill Varga"]);
        let qs = run_with(body, &ents);
        let q = containing(&qs, "recalls");
        assert_eq!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Mira Holt")
        );
    }

    #[test]
    fn an_outlet_relaying_quoted_words_does_not_take_them_over() {
        let entities = |body: &str| {
            let ledger = org("e2", "Harbour Ledger", body);
            [person("e1", "Ivo Brandt", body, &["Ivo Brandt"]), ledger]
        };
        let body = "Ivo Brandt called the ferry plan “a slow fraud,” the Harbour Ledger reported.";
        let qs = run_with(body, &entities(body));
        assert_eq!(speaker(find(&qs, "a slow fraud,")).0, "Ivo Brandt");
        // the outlet's own words stay the outlet's
        let body =
            "Ivo Brandt spoke. “The ferry plan is a slow fraud,” the Harbour Ledger reported.";
        let qs = run_with(body, &entities(body));
        assert_eq!(
            speaker(find(&qs, "The ferry plan is a slow fraud,")).0,
            "Harbour Ledger"
        );
    }

    #[test]
    fn an_undescribed_person_phrase_takes_up_the_subject_of_the_sentence_before() {
        let body = "Dan Mireles spoke first. “Lower the fares,” Mireles said.\n\n\
                    Nell Ashby waved a banner at the gate. \
                    The veteran doctor said the fares were “a scandal.”";
        let ents = [
            person("e1", "Dan Mireles", body, &["Dan Mireles", "Mireles"]),
            person("e2", "Nell Ashby", body, &["Nell Ashby"]),
        ];
        let qs = run_with(body, &ents);
        let q = containing(&qs, "scandal");
        assert_eq!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Nell Ashby")
        );
        // an unnamed person introduced with "a" stays unnamed
        let body = "Nell Ashby waved a banner. A doctor stood by her. \
                    The doctor said the fares were “a scandal.”";
        let ents = [person("e2", "Nell Ashby", body, &["Nell Ashby"])];
        let qs = run_with(body, &ents);
        let q = containing(&qs, "scandal");
        assert_ne!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Nell Ashby")
        );
    }

    #[test]
    fn a_pronoun_continues_the_same_pronoun_subject_before_it() {
        // the sentence before names Paul Ostrow after its subject "he":
        // the cue's "he" takes that subject's referent, not the nearer name
        let body = "Dan Mireles spoke after the panel. When the host asked him about \
                    Paul Ostrow, he praised Paul Ostrow's record.\n\n“It works,” he said.";
        assert_eq!(
            speaker_among(body, &["Dan Mireles", "Paul Ostrow"], "It works,"),
            "Dan Mireles"
        );
    }

    #[test]
    fn the_object_of_an_irregular_past_verb_is_no_pronoun_antecedent() {
        let body = "Ivo Brandt sat in the hall where he saw Dan Mireles on Friday. \
                    He said that the hall “was nearly empty.”";
        let ents = people(body, &["Ivo Brandt", "Dan Mireles"]);
        let qs = run_with(body, &ents);
        let q = containing(&qs, "empty");
        assert_eq!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Ivo Brandt")
        );
    }

    #[test]
    fn an_unnamed_person_opening_the_sentence_before_is_a_newer_antecedent() {
        let body = "Mira Holt praised the new ferry. “It is a gift,” Holt said.\n\n\
                    A young Lakeside woman, however, lost her fare card on it. \
                    “Never again!” she wrote.";
        let ents = [person("e1", "Mira Holt", body, &["Mira Holt", "Holt"])];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(find(&qs, "Never again!")),
            ("A young Lakeside woman", "she")
        );
        // a phrase of the other gender is no antecedent
        let body = body.replace("woman", "man");
        let ents = [person("e1", "Mira Holt", &body, &["Mira Holt", "Holt"])];
        let qs = run_with(&body, &ents);
        assert_eq!(speaker(find(&qs, "Never again!")).0, "Mira Holt");
    }

    #[test]
    fn a_description_opening_the_sentence_before_is_the_antecedent() {
        let body = "Former Mayor Tom Abele spoke at the harbor on Monday.\n\n\
                    “We built it once,” Abele said.\n\n\
                    The former mayor also compared the ferry plans of Governor Ruth Kale \
                    and council candidate Owen Price. He said that the council had \
                    waited too long.";
        let ents = [
            person("e1", "Tom Abele", body, &["Tom Abele", "Abele"]),
            person("e2", "Ruth Kale", body, &["Ruth Kale"]),
            person("e3", "Owen Price", body, &["Owen Price"]),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(find(&qs, "the council had waited too long")).0,
            "Tom Abele"
        );
        // a description the article never gave anyone: the names decide
        let body = body.replace("The former mayor", "The former judge");
        let ents = [
            person("e1", "Tom Abele", &body, &["Tom Abele", "Abele"]),
            person("e2", "Ruth Kale", &body, &["Ruth Kale"]),
            person("e3", "Owen Price", &body, &["Owen Price"]),
        ];
        let qs = run_with(&body, &ents);
        assert_eq!(
            speaker(find(&qs, "the council had waited too long")).0,
            "Owen Price"
        );
        // in the pronoun's own sentence, as the subject of a verb before it
        let body = "Former Mayor Tom Abele spoke at the harbor on Monday.\n\n\
                    On Tuesday, the former mayor met council candidate Owen Price. \
                    The former mayor praised what he called a “bold and overdue” plan.";
        let ents = [
            person("e1", "Tom Abele", body, &["Tom Abele"]),
            person("e3", "Owen Price", body, &["Owen Price"]),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "bold and overdue")).0, "Tom Abele");
    }

    #[test]
    fn a_family_is_no_antecedent_of_she() {
        let body = "Ada Fenwick met the Holts on Monday. The Holts gave land for the school. \
                    She said the town owed them thanks.";
        let mut holts = person("e2", "Holts", body, &["Holts"]);
        holts.kind = EntityType::Person;
        let ents = [
            person("e1", "Ada Fenwick", body, &["Ada Fenwick"]),
            holts,
            person("e3", "Tom Holt", body, &[]),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(find(&qs, "the town owed them thanks")).0,
            "Ada Fenwick"
        );
    }

    #[test]
    fn a_state_closing_an_address_gives_way_to_the_resident_before_it() {
        let body = "Nell Ashby, of Dover, Del., said the ferry had “saved my shop.”";
        let mut del = person("e2", "Del.", body, &["Del."]);
        del.kind = EntityType::Location;
        let mut dover = person("e3", "Dover", body, &["Dover"]);
        dover.kind = EntityType::Location;
        let ents = [
            person("e1", "Nell Ashby", body, &["Nell Ashby"]),
            del,
            dover,
        ];
        let qs = run_with(body, &ents);
        let q = containing(&qs, "saved my shop");
        let name = q.speaker.as_ref().map(|s| s.name.as_str());
        assert_ne!(name, Some("Del."));
        assert_eq!(name, Some("Nell Ashby"));
    }

    #[test]
    fn sentence_openers_and_headless_phrases_name_nobody() {
        for (body, content) in [
            (
                "Having said the ferry was late, Mira Holt left the pier.",
                "the ferry was late",
            ),
            (
                "Hours after the storm said the ferry would run, nobody came.",
                "the ferry would run",
            ),
            (
                "Of the forty sailors asked, the most said the ferry was safe.",
                "the ferry was safe",
            ),
        ] {
            let qs = run(body);
            for q in qs.iter().filter(|q| q.text.contains(content)) {
                let name = q.speaker.as_ref().map(|s| s.name.as_str());
                assert!(
                    !matches!(name, Some("Having" | "Hours" | "the most")),
                    "{body}: {name:?}"
                );
            }
        }
        // a name that ends like a gerund is still a name
        let body = "Lena Harding met the board. Harding said the ferry was safe.";
        let qs = run(body);
        assert_eq!(speaker(find(&qs, "the ferry was safe")).0, "Lena Harding");
    }

    #[test]
    fn a_descriptor_no_description_matches_takes_up_the_person_the_text_is_about() {
        // the phrase's noun was never said of anyone: the person named as
        // the subject a few sentences before, and the one named most
        let body = "Vera Lindqvist, who built the chain, opened a store on Monday. \
                    Lindqvist cut the ribbon herself. Shares rose sharply. \
                    “We will grow,” the tycoon said.";
        let ents = [person(
            "e1",
            "Vera Lindqvist",
            body,
            &["Vera Lindqvist", "Lindqvist"],
        )];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(find(&qs, "We will grow,")),
            ("Vera Lindqvist", "the tycoon")
        );
        // an age stands for the person as well; two sentences back is
        // within reach
        let body = "Omar Ruskin opened a bakery on Monday. Bread prices rose. \
                    “It was a long road,” said the 58-year-old.";
        let ents = [person("e1", "Omar Ruskin", body, &["Omar Ruskin"])];
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "It was a long road,")).0, "Omar Ruskin");
        // the person the sentence opens with is someone else
        let body = "Omar Ruskin opened a bakery on Monday. \
                    Paul Pell arrived just as the businessman said, “We are open.”";
        assert_eq!(
            speaker_among(body, &["Omar Ruskin", "Paul Pell"], "We are open."),
            "Omar Ruskin"
        );
        // after an opening clause, the main clause's subject is the topic
        let body = "When Paul Pell left the firm in May, Omar Ruskin bought it. \
                    “It was a bargain,” the tycoon said.";
        assert_eq!(
            speaker_among(body, &["Omar Ruskin", "Paul Pell"], "It was a bargain,"),
            "Omar Ruskin"
        );
    }

    #[test]
    fn a_descriptor_without_a_fitting_antecedent_keeps_its_description() {
        let no_antecedent = |body: &str, ents: &[crate::event::Entity], content: &str| {
            let qs = run_with(body, ents);
            let s = find(&qs, content).speaker.as_ref().expect("a speaker");
            assert_eq!(s.name, s.text, "{body}");
        };
        // nobody named before
        let body = "Shares rose sharply. “We will grow,” the tycoon said.";
        no_antecedent(body, &[], "We will grow,");
        // a role an event gives someone new is no descriptor
        let body = "Omar Ruskin took questions at the forum. \
                    “Why now?” the moderator asked.";
        let ents = [person("e1", "Omar Ruskin", body, &["Omar Ruskin"])];
        no_antecedent(body, &ents, "Why now?");
        // someone's: a possessive, a name as modifier, "of" a name
        for phrase in [
            "Ruskin's rival",
            "the Ruskin executive",
            "the executive of Pell Foods",
        ] {
            let body =
                format!("Omar Ruskin opened a bakery on Monday. “We will win,” {phrase} said.");
            let ents = [person(
                "e1",
                "Omar Ruskin",
                &body,
                &["Omar Ruskin", "Ruskin"],
            )];
            let qs = run_with(&body, &ents);
            let name = find(&qs, "We will win,")
                .speaker
                .as_ref()
                .map(|s| s.name.as_str());
            assert_ne!(name, Some("Omar Ruskin"), "{body}");
        }
        // a woman is not taken up by "the businessman"
        let body = "Maria Pell opened a bakery on Monday. “We will win,” the businessman said.";
        let ents = [person("e2", "Maria Pell", body, &["Maria Pell"])];
        no_antecedent(body, &ents, "We will win,");
        // an unnamed person introduced with "one" is the one taken up
        let body = "Dana Pell spoke at the mill as one doctor in the crowd cheered. \
                    “We will win,” the doctor said.";
        let ents = [person("e2", "Dana Pell", body, &["Dana Pell"])];
        no_antecedent(body, &ents, "We will win,");
    }

    #[test]
    fn an_age_between_commas_gives_way_to_the_name_before_it() {
        let body = "Tomas Vell, 47, who sells boats in Halden, says he will vote for the plan.";
        let qs = run(body);
        assert_eq!(
            speaker(containing(&qs, "will vote")),
            ("Tomas Vell", "Tomas Vell")
        );
    }

    #[test]
    fn a_share_of_people_is_a_poll_finding_not_a_speaker() {
        // (the whole share was once the speaker; a share reports a finding,
        // see reported::respondents_share)
        let body = "The poll came out on Monday. \
                    Seven in 10 dock workers said the pay was too low. \
                    About three in 10 say the ferry is late.";
        let qs = run(body);
        assert!(qs.is_empty(), "{qs:#?}");
    }

    #[test]
    fn a_bare_quantity_is_one_of_the_set_the_text_names_before() {
        // the speaker before was one of a kind
        let body = "“The fares are fine,” one farmer said. \
                    Another said the ferry “is always late.”";
        let qs = run(body);
        assert_eq!(
            speaker(containing(&qs, "always late")),
            ("another farmer", "Another")
        );
        // a number of people opening the sentence before
        let body = "Three lawyers spoke at the hearing on Monday. \
                    One said the ward “was full every night.”";
        let qs = run(body);
        assert_eq!(
            speaker(containing(&qs, "full every night")),
            ("one of the three lawyers", "One")
        );
        // after an inverted cue the quantity opens a longer phrase
        let body = "“It is over,” said one retired Ohio teacher.";
        let qs = run(body);
        assert_eq!(
            speaker(find(&qs, "It is over,")).0,
            "one retired Ohio teacher"
        );
        // no set named: the word as written, and nobody a pronoun takes up
        let body = "Mara Holm defended the fee. Others argue the fee is too high. \
                    She said it “pays for the dock.”";
        let qs = run(body);
        assert_eq!(speaker(containing(&qs, "too high")), ("Others", "Others"));
        assert_eq!(speaker(containing(&qs, "pays for")).0, "Mara Holm");
    }

    #[test]
    fn remarks_and_research_speak_for_whose_they_are() {
        let body = "Ada Quill testified on Monday. \
                    Quill's testimony said the plant “must close.” \
                    Later, Quill's remarks said the fees were “unfair to growers.”";
        let ents = [person("e1", "Ada Quill", body, &["Ada Quill", "Quill"])];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "must close")),
            ("Ada Quill", "Quill's testimony")
        );
        assert_eq!(speaker(containing(&qs, "unfair")).0, "Ada Quill");
    }

    #[test]
    fn a_source_described_by_whom_it_is_close_to_is_not_that_person() {
        let body = "Ada Quill ran the port for a decade. \
                    The port will be sold, aides close to Quill said. \
                    “The bid came too late,” said a person close to Ada Quill. \
                    The tolls will rise, someone familiar with the sale said.";
        let ents = [person("e1", "Ada Quill", body, &["Ada Quill", "Quill"])];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "port will be sold")),
            ("aides close to Quill", "aides close to Quill")
        );
        assert_eq!(
            speaker(find(&qs, "The bid came too late,")),
            ("a person close to Ada Quill", "a person close to Ada Quill")
        );
        assert_eq!(
            speaker(containing(&qs, "tolls will rise")),
            (
                "someone familiar with the sale",
                "someone familiar with the sale"
            )
        );
    }

    #[test]
    fn a_source_in_a_relayed_report_keeps_its_whole_content() {
        // "reported that": a complementizer, not a relative pronoun whose
        // clause would end at the first comma
        let body = "The Ledger reported that someone close to the board said the \
                    mill has lost money for years, losses often hidden by sales.";
        let qs = run(body);
        let q = find(
            &qs,
            "the mill has lost money for years, losses often hidden by sales",
        );
        assert_eq!(speaker(q).0, "someone close to the board");
    }

    #[test]
    fn a_title_with_an_of_complement_gives_way_to_the_holders_name() {
        let body = "The harbor talks ended. \
                    Minister of Fisheries Ada Quill said the quota would stay. \
                    Former Secretary of Labor Tom Brack said the deal was fair.";
        let names = ["Ada Quill", "Tom Brack"];
        let qs = run_with(body, &people(body, &names));
        let first = speaker(containing(&qs, "quota would stay"));
        assert_eq!(first, ("Ada Quill", "Ada Quill"));
        let second = speaker(containing(&qs, "deal was fair"));
        assert_eq!(second, ("Tom Brack", "Tom Brack"));
    }

    #[test]
    fn plural_majorities_and_a_share_of_two_groups_are_poll_findings() {
        let body = "The harbor poll came out on Monday. \
                    Large majorities of boat owners in three ports said the fees were fair. \
                    Only 22% of Greens and unaffiliated dock workers said they would pay more. \
                    The staff walked out and their union leaders said the talks had failed.";
        let got: Vec<String> = run(body).into_iter().map(|q| q.text).collect();
        assert_eq!(got, vec!["the talks had failed"]);
    }

    #[test]
    fn a_percentage_is_a_poll_finding_not_a_speaker() {
        let body = "The harbor poll came out on Monday. \
                    Just 31 percent of boat owners said the fees were fair. \
                    Only 12 percent said they would pay more, \
                    with 40 percent saying the port should close.";
        let qs = run(body);
        assert!(qs.is_empty(), "{qs:#?}");
    }

    #[test]
    fn a_focus_adverb_is_no_part_of_the_speaker() {
        let body = "Ada Quill runs the harbor board. \
                    Even the harbor pilots said the channel was too shallow. \
                    The dock chief would only say that repairs were planned.";
        let ents = [person("e1", "Ada Quill", body, &["Ada Quill"])];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "too shallow")).0,
            "the harbor pilots"
        );
        let (name, text) = speaker(containing(&qs, "repairs were planned"));
        assert_ne!(name, "only");
        assert_eq!(text, "The dock chief");
    }

    #[test]
    fn an_s_final_possessive_and_its_noun_speak_together() {
        let body = "The harbor race tightened. \
                    Tom Giles’ campaign says it raised more money in May. \
                    The Hollands' lawyers said the dock was theirs.";
        let qs = run(body);
        assert_eq!(
            speaker(containing(&qs, "raised more money")).0,
            "Tom Giles’ campaign"
        );
        assert_eq!(
            speaker(containing(&qs, "dock was theirs")).0,
            "The Hollands' lawyers"
        );
    }

    #[test]
    fn a_role_noun_and_a_participle_adjective_stay_in_the_speaker_phrase() {
        let body = "The harbor vote was close. \
                    The board's newest member and former secretary of state said \
                    the port “clearly” needed dredging. \
                    “The vote is set,” said the printed ballot card. \
                    “Fees will rise,” noted a report for the harbor board.";
        let qs = run(body);
        assert_eq!(
            speaker(containing(&qs, "needed dredging")).0,
            "secretary of state"
        );
        assert_eq!(
            speaker(find(&qs, "The vote is set,")).0,
            "the printed ballot card"
        );
        assert_eq!(
            speaker(find(&qs, "Fees will rise,")).1,
            "a report for the harbor board"
        );
    }

    #[test]
    fn a_demonstrative_phrase_takes_up_the_source_and_a_lone_preposition_names_nobody() {
        let body = "Ada Quill runs the port. \
                    The ferry will be sold, a source close to the board said. \
                    That person said the price was too low. \
                    Quill will retire, a friend close to her said. \
                    Critics faulted Quill for saying that the ferry lost money.";
        let ents = [person("e1", "Ada Quill", body, &["Ada Quill", "Quill"])];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "price was too low")),
            ("a source close to the board", "That person")
        );
        assert_eq!(
            speaker(containing(&qs, "Quill will retire")).0,
            "a friend close to her"
        );
        let lost = containing(&qs, "ferry lost money");
        assert!(
            lost.speaker.as_ref().is_none_or(|s| s.name != "for"),
            "{lost:?}"
        );
    }

    #[test]
    fn an_intensifying_reflexive_is_no_part_of_the_speaker_phrase() {
        let body = "Ada Quill is the mayor of Dover. \
                    The mayor herself has said the port must grow.";
        let ents = [person("e1", "Ada Quill", body, &["Ada Quill"])];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "port must grow")),
            ("Ada Quill", "The mayor")
        );
    }

    #[test]
    fn a_possessor_inside_the_sentence_is_no_subject_for_a_later_pronoun() {
        // a dateline's outlet before the subject: no opening bonus for it,
        // so only the possessor's demotion keeps the nearer name out
        let body = "DOVER (Ledger) — Mayor Arvela Calloway is defending the inquiry into \
                    Greta Pryce's campaign funds at city hall.\n\nShe told reporters that \
                    the review had been thorough and fair.";
        let ledger = org("e3", "Ledger", body);
        let ents = [
            person("e1", "Arvela Calloway", body, &["Arvela Calloway"]),
            person("e2", "Greta Pryce", body, &["Greta Pryce"]),
            ledger,
        ];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(find(&qs, "the review had been thorough and fair")).0,
            "Arvela Calloway"
        );
    }

    #[test]
    fn the_articles_own_pronoun_vetoes_a_first_names_census_gender() {
        // "Lindsey" is a woman's name by the census; the article's "his"
        // after the mention's own verb says otherwise
        let body = "Senator Lindsey Marsh (D-Ore.) attacked his opponent Carl Dunn over \
                    the tax plan on Friday.\n\nMarsh said, “We can do better than this. \
                    Families deserve more.”\n\nHe continued, “The tax plan fails working \
                    families in every county.”";
        let ents = [
            person("e1", "Lindsey Marsh", body, &["Lindsey Marsh", "Marsh"]),
            person("e2", "Carl Dunn", body, &["Carl Dunn"]),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(find(
                &qs,
                "The tax plan fails working families in every county."
            ))
            .0,
            "Lindsey Marsh"
        );
    }

    #[test]
    fn a_role_holder_by_head_word_must_fit_the_proper_modifier() {
        // Kell holds the role "senator" but the article never ties her to
        // Idaho: "an Idaho senator" is somebody else
        let body = "Senator Mara Kell of Vermont opened the hearing on Monday.\n\n\
                    Later, an Idaho senator said the bill would stall in committee.";
        let mut kell = person("e1", "Mara Kell", body, &["Mara Kell"]);
        kell.roles = vec!["senator".to_string()];
        let qs = run_with(body, &[kell]);
        assert_ne!(
            speaker(find(&qs, "the bill would stall in committee")).0,
            "Mara Kell"
        );
    }

    #[test]
    fn an_agent_speaks_for_itself_not_for_the_name_it_works_for() {
        let body = "Ada Quill faces trial in May. \
                    A lawyer for Ada Quill said the charges were baseless. \
                    “She is innocent,” a spokeswoman for Quill said. \
                    “We are reviewing the plan,” a spokesman for the Harbor Board said. \
                    Aides to Quill say the vote will fail. \
                    “It is late,” said an adviser to both Quills. \
                    “She will fight,” Tom Brack, a lawyer for Quill, said. \
                    Tom Brack a senior analyst for the Harbor Board said rates would hold.";
        let mut ents = vec![
            person("e1", "Ada Quill", body, &["Ada Quill", "Quill"]),
            person("e2", "Tom Brack", body, &["Tom Brack"]),
            person("e3", "Harbor Board", body, &["Harbor Board"]),
        ];
        ents[2].kind = EntityType::Organization;
        let qs = run_with(body, &ents);
        let a = containing(&qs, "charges were baseless");
        assert_eq!(
            speaker(a),
            ("A lawyer for Ada Quill", "A lawyer for Ada Quill")
        );
        assert!(a.speaker.as_ref().is_some_and(|s| s.entity.is_none()));
        assert_eq!(
            speaker(find(&qs, "She is innocent,")).0,
            "a spokeswoman for Quill"
        );
        assert_eq!(
            speaker(find(&qs, "We are reviewing the plan,")).0,
            "a spokesman for the Harbor Board"
        );
        assert_eq!(
            speaker(containing(&qs, "vote will fail")).0,
            "Aides to Quill"
        );
        assert_eq!(
            speaker(find(&qs, "It is late,")).0,
            "an adviser to both Quills"
        );
        assert_eq!(speaker(find(&qs, "She will fight,")).0, "Tom Brack");
        assert_eq!(speaker(containing(&qs, "rates would hold")).0, "Tom Brack");
    }

    #[test]
    fn a_title_with_an_of_complement_before_an_unlisted_given_name_or_role() {
        let body = "The count went on. \
                    Dover County Supervisor of Elections Tom Brack said the count would end soon. \
                    Former Minister of Health Xiadani Quill said the rules were sound.";
        let names = ["Tom Brack", "Xiadani Quill"];
        let qs = run_with(body, &people(body, &names));
        assert_eq!(speaker(containing(&qs, "count would end")).0, "Tom Brack");
        assert_eq!(
            speaker(containing(&qs, "rules were sound")).0,
            "Xiadani Quill"
        );
    }

    #[test]
    fn a_name_in_a_dash_aside_is_not_the_person_a_description_takes_up() {
        let names = ["Ruth Ellery", "Omar Tindall"];
        let body = "Sen. Ruth Ellery wrote to the water board on Friday. \
                    In the memo - sent to the board's counsel, Omar Tindall - \
                    the lawmaker says that the rates broke state law.";
        assert_eq!(
            speaker_among(body, &names, "the rates broke state law"),
            "Ruth Ellery"
        );
    }

    #[test]
    fn a_party_member_description_takes_up_the_politician_not_a_name_in_an_aside() {
        let names = ["Ruth Ellery", "Omar Tindall"];
        let body = "Sen. Ruth Ellery wrote to the water board on Friday. \
                    In the memo - sent to the board's counsel, Omar Tindall - \
                    the Vermont Democrat says that the rates broke state law.";
        assert_eq!(
            speaker_among(body, &names, "the rates broke state law"),
            "Ruth Ellery"
        );
        // a tag of the other party rules a lawmaker out
        let names = ["Dale Penrose", "Iris Okafor"];
        let body = "Iris Okafor (D-Ore.) praised the ferry plan on Monday. \
                    Dale Penrose (R-Kan.) met the transit chiefs the same day. \
                    Asked about the cost, the Oregon Democrat said \
                    \u{201c}the ferries pay for themselves.\u{201d}";
        assert_eq!(
            speaker_among(body, &names, "the ferries pay for themselves."),
            "Iris Okafor"
        );
    }

    #[test]
    fn they_takes_up_a_coordinated_plural_subject_not_an_object() {
        // groups joined by "and", not the object of a preposition that a
        // subordinator may also be
        let body = "Four counties and three unions sued the ministry, pleading \
                    before 12 magistrates of the high court in Perth. \
                    They claim that \u{201c}the levy was never debated.\u{201d}";
        assert_eq!(
            speaker_among(body, &[], "the levy was never debated."),
            "Four counties and three unions"
        );
        // a person and a plural after "and"
        let names = ["Ida Morrow"];
        let body = "The ministry was sued in June. Ida Morrow and her attorneys \
                    filed the appeal on Monday. They contend that \
                    \u{201c}the ministry ignored the court.\u{201d}";
        assert_eq!(
            speaker_among(body, &names, "the ministry ignored the court."),
            "Ida Morrow and her attorneys"
        );
        // a plural of bodies ("unions") is a subject "they" takes up
        let body = "The regional unions stayed neutral in the race. \
                    But they insist that \u{201c}members will vote freely.\u{201d}";
        assert_eq!(
            speaker_among(body, &[], "members will vote freely."),
            "The regional unions"
        );
    }

    #[test]
    fn it_takes_up_a_document_opening_the_sentence_before_not_an_older_company() {
        let body = "Borel Freight hired forty drivers in April. A memo from the \
                    county treasurer noted gaps in the accounts. It said that \
                    \u{201c}receipts went missing for months.\u{201d}";
        let firm = org("e1", "Borel Freight", body);
        let qs = run_with(body, &[firm]);
        // the memo, or the treasurer who issued it
        let who = speaker(find(&qs, "receipts went missing for months.")).0;
        assert!(who.contains("county treasurer"), "{who}");
    }

    #[test]
    fn it_looks_past_a_block_quotation_set_off_by_a_colon() {
        let body = "Last week Borel Freight praised its new chief:\n\n\
                    She has run depots on three continents. She knows the \
                    trade. She starts in June.\n\n\
                    Meanwhile, it said that \u{201c}fares will not rise.\u{201d}";
        let firm = org("e1", "Borel Freight", body);
        let qs = run_with(body, &[firm]);
        assert_eq!(
            speaker(find(&qs, "fares will not rise.")).0,
            "Borel Freight"
        );
        // the same sentences as narration are too far back
        let body = "Last week Borel Freight praised its new chief. \
                    She has run depots on three continents. She knows the \
                    trade. She starts in June.\n\n\
                    Meanwhile, it said that \u{201c}fares will not rise.\u{201d}";
        let firm = org("e1", "Borel Freight", body);
        let qs = run_with(body, &[firm]);
        assert_ne!(
            speaker(find(&qs, "fares will not rise.")).0,
            "Borel Freight"
        );
    }

    #[test]
    fn it_takes_no_company_from_further_back_than_the_sentence_before() {
        let body = "Borel Freight hired forty drivers in April. Voters in the \
                    county rejected the levy in May. The bureau then changed \
                    course. Even so, it declared that \u{201c}no data was lost.\u{201d}";
        let firm = org("e1", "Borel Freight", body);
        let qs = run_with(body, &[firm]);
        assert_ne!(speaker(find(&qs, "no data was lost.")).0, "Borel Freight");
        // the sentence before is near enough
        let body = "Borel Freight cut forty jobs in April. It said that \
                    \u{201c}demand fell sharply.\u{201d}";
        let firm = org("e1", "Borel Freight", body);
        let qs = run_with(body, &[firm]);
        assert_eq!(
            speaker(find(&qs, "demand fell sharply.")).0,
            "Borel Freight"
        );
    }

    #[test]
    fn a_company_before_a_plural_after_a_quantifier_is_no_subject_for_they() {
        let body = "The board meets in June. While several Borel Freight \
                    shareholders expect a payout, they say that \
                    \u{201c}the margins look thin.\u{201d}";
        let firm = org("e1", "Borel Freight", body);
        let qs = run_with(body, std::slice::from_ref(&firm));
        assert_ne!(
            speaker(find(&qs, "the margins look thin.")).0,
            "Borel Freight"
        );
        // a plural of people after the name is its noun too
        let body = body.replace("shareholders", "investors");
        let qs = run_with(&body, &[firm]);
        assert_eq!(
            speaker(find(&qs, "the margins look thin.")).0,
            "several Borel Freight investors"
        );
    }

    #[test]
    fn they_takes_up_names_joined_by_along_with() {
        let names = ["Nell Varga", "Teo Hask", "Ada Brun"];
        let body = "Rep. Nell Varga, along with Rep. Teo Hask and Rep. Ada Brun, \
                    wrote to the port authority on Thursday. \
                    In the letter, they conclude that \u{201c}the dredging plan is unsafe.\u{201d}";
        assert_eq!(
            speaker_among(body, &names, "the dredging plan is unsafe."),
            "Nell Varga, Teo Hask and Ada Brun"
        );
        let names = ["Nell Varga", "Teo Hask", "Ada Brun"];
        let body = "Nell Varga, along with Judge Teo Hask of the Court of Appeals for Marin \
                    and Ada Brun, wrote a study of bail. \
                    In it, they conclude that \u{201c}bail rarely changes turnout.\u{201d}";
        assert_eq!(
            speaker_among(body, &names, "bail rarely changes turnout."),
            "Nell Varga, Teo Hask and Ada Brun"
        );
        let names = ["Nell Varga", "Teo Hask"];
        let body = "Nell Varga, together with Teo Hask, sued the county in June. \
                    They argue that \u{201c}the fee was never voted on.\u{201d}";
        assert_eq!(
            speaker_among(body, &names, "the fee was never voted on."),
            "Nell Varga and Teo Hask"
        );
    }

    #[test]
    fn an_age_set_beside_a_name_resolves_the_age_as_a_description() {
        // the named person is far back: only the age ties the phrase to him
        let body = "Oren Vasko, 52, runs a bakery by the old harbor. \
                    The ovens start at four. Flour prices doubled this year. \
                    Two shops nearby closed in the spring. The town council met twice. \
                    Nobody came to the second meeting. \
                    “Bread is a promise,” the 52-year-old said. \
                    “Rent is the problem,” the 60-year-old added.";
        let names = ["Oren Vasko"];
        assert_eq!(
            speaker_among(body, &names, "Bread is a promise,"),
            "Oren Vasko"
        );
        assert_ne!(
            speaker_among(body, &names, "Rent is the problem,"),
            "Oren Vasko"
        );
    }

    #[test]
    fn an_age_and_the_nouns_gender_choose_between_two_people_of_that_age() {
        let body = "Ana Lind, 44, and Paul Ferro, 44, run the shelter on Pine Road. \
                    The roof leaked for a year. Donors paid for a new one in May. \
                    The county sent an inspector. The shelter now holds thirty beds. \
                    Volunteers cook on weekends. \
                    “We stayed open,” the 44-year-old mother said. \
                    “We had no choice,” the 44-year-old father said.";
        let names = ["Ana Lind", "Paul Ferro"];
        assert_eq!(speaker_among(body, &names, "We stayed open,"), "Ana Lind");
        assert_eq!(
            speaker_among(body, &names, "We had no choice,"),
            "Paul Ferro"
        );
    }

    #[test]
    fn an_appositive_after_an_age_describes_the_name() {
        let body = "Oren Vasko, 52, a Lisbon baker, testified on Tuesday. \
                    The ovens start at four. Flour prices doubled this year. \
                    Two shops nearby closed in the spring. The town council met twice. \
                    Nobody came to the second meeting. \
                    “Bread is a promise,” the baker said.";
        assert_eq!(
            speaker_among(body, &["Oren Vasko"], "Bread is a promise,"),
            "Oren Vasko"
        );
    }

    #[test]
    fn a_description_set_before_a_name_is_taken_up_by_the_same_phrase() {
        let body = "Tomas Reyl left the firm in June. \
                    His former partner, Ines Barr, sued him in August. \
                    The case drags on. Clients moved their money elsewhere. \
                    Two judges recused themselves. The filings run to a thousand pages. \
                    “He owes us,” his former partner said. \
                    “It is a shame,” her former partner said.";
        let names = ["Tomas Reyl", "Ines Barr"];
        assert_eq!(speaker_among(body, &names, "He owes us,"), "Ines Barr");
        // another owner's partner is not the one named
        assert_ne!(speaker_among(body, &names, "It is a shame,"), "Ines Barr");
    }

    #[test]
    fn a_role_set_before_a_name_with_its_proper_modifier() {
        let body = "The race tightened in March. The Green nominee, Kira Molt, \
                    toured three counties. Turnout fell in the north. \
                    Polls closed at eight. Counting took all night. Nobody conceded. \
                    “We will win,” the Green nominee said. \
                    Like the nominee, Ed Varn spoke late. \
                    “We will see,” the nominee said.";
        let names = ["Kira Molt", "Ed Varn"];
        assert_eq!(speaker_among(body, &names, "We will win,"), "Kira Molt");
        // "Like the nominee, Ed Varn spoke": a clause, no appositive
        assert_ne!(speaker_among(body, &names, "We will see,"), "Ed Varn");
    }

    #[test]
    fn a_given_name_joins_a_surname_the_tagger_typed_as_no_person() {
        let body = "“The map favors us,” said Daniel Lincoln, the campaign's field director. \
                    “We will see,” said Lincoln officials in a statement.";
        let mut place = person("e2", "Lincoln", body, &["Lincoln"]);
        place.kind = EntityType::Location;
        let ents = vec![person("e1", "Daniel", body, &["Daniel"]), place];
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "The map favors us,")).0, "Daniel Lincoln");
        assert_ne!(speaker(find(&qs, "We will see,")).0, "Daniel Lincoln");
    }

    #[test]
    fn an_organization_taken_up_by_a_phrase_keeps_its_canonical_name() {
        let body = "The Harbor Daily Times fired an editor on Monday. Ad rates rose at \
                    the Times this spring. “Ships will wait,” the newspaper said.";
        let mut paper = person(
            "e1",
            "Harbor Daily Times",
            body,
            &["Harbor Daily Times", "Times"],
        );
        paper.kind = EntityType::Organization;
        let qs = run_with(body, &[paper]);
        assert_eq!(
            speaker(find(&qs, "Ships will wait,")).0,
            "Harbor Daily Times"
        );
    }

    #[test]
    fn a_kind_head_takes_up_only_an_organization_of_that_kind() {
        // "the foundation" is the foundation, though a company is nearer
        let body = "The Pelt Foundation gave grants to schools. Later Marrow Corp. \
                    sold its plant. “We will build a library,” the foundation said.";
        let ents = [
            org("e1", "Pelt Foundation", body),
            org("e2", "Marrow Corp.", body),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "build a library")).0,
            "Pelt Foundation"
        );
        // a head that says no kind ("the company") fits any organization
        // the tagger typed so, though no word of its name says so
        let body = "Ravel posted a notice on Monday. “We never met the seller,” \
                    the company wrote.";
        let qs = run_with(body, &[org("e1", "Ravel", body)]);
        assert_eq!(speaker(containing(&qs, "never met the seller")).0, "Ravel");
        // a document's head is no body: the company is not taken up by "the
        // report" through its entity type alone
        let body = "Ravel posted a notice on Monday. “Rents rose,” the report said.";
        let qs = run_with(body, &[org("e1", "Ravel", body)]);
        assert_ne!(speaker(containing(&qs, "Rents rose")).0, "Ravel");
        // "the government" is a state's government, not whatever name the
        // tagger typed an organization nearby
        let body = "Ravel posted a notice on Monday. Proof of fraud, the government \
                    argued, was “plain in the ledgers.”";
        let qs = run_with(body, &[org("e1", "Ravel", body)]);
        assert_ne!(speaker(containing(&qs, "plain in the ledgers")).0, "Ravel");
    }

    #[test]
    fn a_definite_organization_keeps_the_complement_of_its_name() {
        // the entity tagger left "Council for Safe Lanes" unnamed; the run
        // "Council" stops at "for", the name does not
        let body = "The Council for Safe Lanes met on Tuesday. \
                    Later the council said the bridge would close.";
        let qs = run_with(body, &[]);
        assert_eq!(
            speaker(containing(&qs, "bridge would close")).0,
            "Council for Safe Lanes"
        );
    }

    #[test]
    fn a_document_filed_by_a_definite_body_speaks_for_that_body() {
        let body = "The Grain Trade Board sued Holm Bank on Monday. \
                    A nine-count complaint filed by the board alleges that the bank hid losses. \
                    An email from the chair of the Holm Bank staff union said pay would fall.";
        let ents = [
            org("e1", "Grain Trade Board", body),
            org("e2", "Holm Bank", body),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "hid losses")),
            (
                "Grain Trade Board",
                "A nine-count complaint filed by the board"
            )
        );
        // an unnamed person with an "of" complement keeps it
        assert_eq!(
            speaker(containing(&qs, "pay would fall")).0,
            "the chair of the Holm Bank staff union"
        );
    }

    #[test]
    fn a_name_with_an_inner_and_is_the_whole_mention() {
        let body = "Late on Monday the Office of Roads and Bridges said the ramp was unsafe.";
        let qs = run_with(body, &[org("e1", "Office of Roads and Bridges", body)]);
        assert_eq!(
            speaker(containing(&qs, "ramp was unsafe")),
            ("Office of Roads and Bridges", "Office of Roads and Bridges")
        );
    }

    #[test]
    fn a_fronted_phrase_without_its_comma_gives_way_to_the_name_before_the_cue() {
        let body = "In a 2011 talk with the editors of the Lowland Courier Mara Voss \
                    said the tax was too high.";
        let ents = [
            org("e1", "Lowland Courier", body),
            person("e2", "Mara Voss", body, &["Mara Voss"]),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "tax was too high")),
            ("Mara Voss", "Mara Voss")
        );
    }

    #[test]
    fn a_lone_noun_after_a_preposition_is_no_speaker() {
        // the object of "on" is not who said it; a plural or a pronoun
        // there may speak ("according to him")
        let body = "An inspector she spoke to on video said the pipes had burst. \
                    Even a leaflet on parking says fees will rise.";
        let qs = run_with(body, &[]);
        assert!(containing(&qs, "pipes had burst").speaker.is_none());
        // the noun phrase before the preposition heads the subject
        assert_eq!(
            speaker(containing(&qs, "fees will rise")).0,
            "a leaflet on parking"
        );
        let body = "The fees rose, according to him.";
        let qs = run_with(body, &[]);
        assert_eq!(speaker(containing(&qs, "fees rose")).0, "him");
    }

    /// The speaker name of the first quote containing `part`, if any.
    #[test]
    fn an_indefinite_office_is_the_one_person_the_article_gives_that_title() {
        let body = "A county judge said Thursday that the fence must come down. \
                    The owners had built it in March without a permit. \
                    Judge Rosa Delmar gave them a month to remove it.";
        let names = ["Rosa Delmar"];
        assert_eq!(
            speaker_among(body, &names, "the fence must come down"),
            "Rosa Delmar"
        );
        // two judges: the phrase names neither
        let body = "A county judge said Thursday that the fence must come down. \
                    Judge Rosa Delmar and Judge Egon Hald heard the case.";
        let names = ["Rosa Delmar", "Egon Hald"];
        let who = speaker_among(body, &names, "the fence must come down");
        assert!(!names.contains(&who.as_str()), "{who}");
        // a role of no office must fit word for word: a school's spokesman
        // is not the transit agency's
        let body = "A school spokesman said the gym would reopen in May. \
                    Transit spokesman Ivo Tamm said buses would run late.";
        let names = ["Ivo Tamm"];
        assert_ne!(
            speaker_among(body, &names, "the gym would reopen in May"),
            "Ivo Tamm"
        );
        let body = "A transit spokesman said the depot would reopen in May. \
                    Transit spokesman Ivo Tamm said buses would run late.";
        assert_eq!(
            speaker_among(body, &names, "the depot would reopen in May"),
            "Ivo Tamm"
        );
        // named first, the person is not the later indefinite one: "a
        // transit spokesman" who would not give a name is someone else
        let body = "Ivo Tamm, a transit spokesman, said buses would run late. \
                    Riders waited for hours.\n\n\
                    \"The depot will reopen in May,\" said a transit spokesman \
                    who would not give a name.";
        assert_ne!(
            speaker_among(body, &names, "The depot will reopen in May,"),
            "Ivo Tamm"
        );
    }

    #[test]
    fn a_relation_is_the_one_person_tied_to_the_same_possessor() {
        // a premodifier without possessor: the relation of the person
        // named beside it
        let body = "Omar Fenn, a pharmacist, was charged on Monday after ex-wife \
                    Lidia Sarr went to the police. Fenn denied it in court. \
                    “He frightened us,” his ex-wife said.";
        let ents = [
            person("e1", "Omar Fenn", body, &["Omar Fenn", "Fenn"]),
            person("e2", "Lidia Sarr", body, &["Lidia Sarr"]),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "He frightened us,")).0, "Lidia Sarr");
        // a named possessor, in an appositive or a relative clause
        for intro in [
            "Kwan's opponent, Rob Tully, has raised more money.",
            "Rob Tully, Kwan's opponent, has raised more money.",
            "Rob Tully, who is running against Kwan, has raised more money.",
        ] {
            let body = format!(
                "Mayor Ada Kwan faces a recall vote in May. {intro} \
                 Kwan toured the harbor on Friday. \
                 “She has ignored the east side,” her opponent said."
            );
            let ents = [
                person("e1", "Ada Kwan", &body, &["Ada Kwan", "Kwan"]),
                person("e2", "Rob Tully", &body, &["Rob Tully"]),
            ];
            let qs = run_with(&body, &ents);
            assert_eq!(
                speaker(find(&qs, "She has ignored the east side,")).0,
                "Rob Tully",
                "{intro}"
            );
        }
        // someone else's friend is not the one named
        let body = "Pia Holm studied law in Oslo. Her friend Vera Lund called her brave. \
                    Karl Ness flew home for a funeral. \
                    “He loved the sea,” his friend said.";
        let names = ["Pia Holm", "Vera Lund", "Karl Ness"];
        assert_ne!(
            speaker_among(body, &names, "He loved the sea,"),
            "Vera Lund"
        );
    }

    #[test]
    fn a_role_two_people_hold_names_neither() {
        let body = "Ada Kwan and Rob Tully toured the dam on Monday. \
                    A senator said the dam would need new gates.";
        let mut ents = people(body, &["Ada Kwan", "Rob Tully"]);
        for e in &mut ents {
            e.roles = vec!["Senator".into()];
        }
        let qs = run_with(body, &ents);
        let (name, _) = speaker(find(&qs, "the dam would need new gates"));
        assert!(!["Ada Kwan", "Rob Tully"].contains(&name), "{name}");
    }

    #[test]
    fn an_age_two_people_share_names_neither() {
        let body = "Nadia Ferr, 41, runs a bakery on Elm Street. \
                    Greta Wolm, 41, runs the cafe next door. \
                    “We started over,” said the 41-year-old.";
        let names = ["Nadia Ferr", "Greta Wolm"];
        let who = speaker_among(body, &names, "We started over,");
        assert!(!names.contains(&who.as_str()), "{who}");
    }

    #[test]
    fn coordinated_roles_are_the_one_person_holding_either() {
        let body = "Former Gov. Nils Berg endorsed the mayor on Monday in Provo. \
                    Berg later served two terms in the Senate. \
                    The crowd cheered for the mayor and her family. \
                    The former governor and U.S. senator said she was the right choice.";
        let ents = [person("e1", "Nils Berg", body, &["Nils Berg", "Berg"])];
        let qs = run_with(body, &ents);
        let (name, text) = speaker(find(&qs, "she was the right choice"));
        assert_eq!(name, "Nils Berg");
        assert_eq!(text, "The former governor and U.S. senator");
    }

    #[test]
    fn a_role_of_the_same_family_names_the_one_holder() {
        // "judge" takes up a person titled "Justice" (role_families.txt)
        let body = "A state judge said Thursday that the dock must close. \
                    The owners had built it in March without a permit. \
                    Appellate Justice Rosa Delmar gave them a month to appeal.";
        let names = ["Rosa Delmar"];
        assert_eq!(
            speaker_among(body, &names, "the dock must close"),
            "Rosa Delmar"
        );
        // a role of another family is no match
        let body = "A state judge said Thursday that the dock must close. \
                    The owners had built it in March without a permit. \
                    Harbor Commissioner Rosa Delmar gave them a month to appeal.";
        assert_ne!(
            speaker_among(body, &names, "the dock must close"),
            "Rosa Delmar"
        );
    }

    #[test]
    fn a_relation_set_after_a_party_tag_is_still_an_appositive() {
        for tag in ["(R)", "(D-Ohio)"] {
            let body = format!(
                "Mayor Ada Kwan faces a recall vote in May. State Rep. Rob Tully {tag}, \
                 Kwan's opponent in the recall, toured the docks. \
                 Kwan stayed at city hall on Friday. \
                 “She has ignored the east side,” Kwan's opponent said."
            );
            let ents = [
                person("e1", "Ada Kwan", &body, &["Ada Kwan", "Kwan"]),
                person("e2", "Rob Tully", &body, &["Rob Tully"]),
            ];
            let qs = run_with(&body, &ents);
            assert_eq!(
                speaker(find(&qs, "She has ignored the east side,")).0,
                "Rob Tully",
                "{tag}"
            );
        }
    }

    #[test]
    fn an_age_or_a_parent_noun_takes_up_the_person_the_text_is_about() {
        for phrase in ["the 39-year-old mother of three", "the mother of three"] {
            let body = format!(
                "Lena Vosk, the mayor's niece, rode in the parade on Sunday. \
                 She waved to the crowd. \
                 “I will stay in Halden,” {phrase} said."
            );
            let ents = [person("e1", "Lena Vosk", &body, &["Lena Vosk"])];
            let qs = run_with(&body, &ents);
            assert_eq!(
                speaker(find(&qs, "I will stay in Halden,")).0,
                "Lena Vosk",
                "{phrase}"
            );
        }
        // named further back than the sentences before, she is the one
        // the latest "her" stands for
        let body = "Greta Wolm won the county race in May. The count took two days. \
                    Turnout was low. With the hall full, the former nurse gave \
                    a short account of her work. “We did it together,” said the 52-year-old.";
        let ents = [person("e1", "Greta Wolm", body, &["Greta Wolm"])];
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "We did it together,")).0, "Greta Wolm");
        // two women who fit: neither
        let body = "Lena Vosk and Mira Kell rode in the parade on Sunday. \
                    Both waved to the crowd. \
                    “I will stay in Halden,” the mother of three said.";
        let names = ["Lena Vosk", "Mira Kell"];
        let who = speaker_among(body, &names, "I will stay in Halden,");
        assert!(!names.contains(&who.as_str()), "{who}");
    }

    #[test]
    fn an_agent_for_a_body_is_the_one_the_article_names_for_it() {
        let body = "Iris Hale, a spokeswoman for the Pine Valley Trust, did not answer calls. \
                    The trust owns four farms.\n\n\
                    The spokeswoman for the Pine Valley Trust said the farms were sold.";
        let ents = [
            person("e1", "Iris Hale", body, &["Iris Hale"]),
            org("e2", "Pine Valley Trust", body),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(speaker(find(&qs, "the farms were sold")).0, "Iris Hale");
        // two of that body's spokeswomen: neither
        let body = "Iris Hale, a spokeswoman for the Pine Valley Trust, and Una Brekk, \
                    a spokeswoman for the trust, did not answer calls.\n\n\
                    The spokeswoman for the Pine Valley Trust said the farms were sold.";
        let ents = [
            person("e1", "Iris Hale", body, &["Iris Hale"]),
            person("e3", "Una Brekk", body, &["Una Brekk"]),
            org("e2", "Pine Valley Trust", body),
        ];
        let qs = run_with(body, &ents);
        let name = speaker(find(&qs, "the farms were sold")).0;
        assert!(!["Iris Hale", "Una Brekk"].contains(&name), "{name}");
    }

    fn name_of(body: &str, part: &str) -> Option<String> {
        let qs = run(body);
        containing(&qs, part)
            .speaker
            .as_ref()
            .map(|s| s.name.clone())
    }

    #[test]
    fn a_spaced_dash_bounds_the_speaker_phrase() {
        // the clause before the aside is no part of who told
        let body = "Jana Melk gave a long speech -- complete with slides -- \
                    Melk told donors that the plant would reopen.";
        assert_eq!(
            name_of(body, "plant would reopen").as_deref(),
            Some("Jana Melk")
        );
        // an aside between spaced hyphens after the subject is crossed
        let body = "Even so, some farm economists - including two of the board's own \
                    members - warn that the levy could stall growth.";
        assert_eq!(
            name_of(body, "levy could stall").as_deref(),
            Some("some farm economists")
        );
    }

    #[test]
    fn an_adverb_after_the_subject_noun_is_no_part_of_it() {
        let body = "The union quickly denied that the talks had failed.";
        assert_eq!(
            name_of(body, "talks had failed").as_deref(),
            Some("The union")
        );
    }

    #[test]
    fn an_opening_adverbial_gives_way_to_the_subject_after_its_comma() {
        let body = "Tomas Verlo toured the plant. Inside the packed gym, Verlo on Monday \
                    dismissed the plan as a ploy, arguing that the levy was unfair.";
        assert_eq!(
            name_of(body, "levy was unfair").as_deref(),
            Some("Tomas Verlo")
        );
    }

    #[test]
    fn an_article_after_a_noun_opens_the_subject() {
        let body = "Boos rang out when the mayor spoke, and at one point the crowd \
                    chanted \"Shut it down! Shut it down!\" for a minute.";
        assert_eq!(name_of(body, "Shut it down").as_deref(), Some("the crowd"));
    }

    #[test]
    fn a_possessive_before_a_dated_speech_noun_is_its_speaker() {
        // the remark is the possessor's, not the clause's subject's
        let body = "Nora Tesk toured the docks. The guild will not back the \
                    bill after her April remark that \"the port can shrink.\"";
        let qs = run_with(body, &people(body, &["Nora Tesk"]));
        assert_eq!(speaker(containing(&qs, "port can shrink")).0, "Nora Tesk");
        let body = "Nora Tesk toured the docks. The guild will not back the \
                    bill after his Friday remark that \"the port can shrink.\"";
        let qs = run_with(body, &people(body, &["Nora Tesk"]));
        assert!(containing(&qs, "port can shrink").speaker.is_none());
    }

    #[test]
    fn a_possession_speaks_for_its_owner_only_when_made_of_words() {
        // the noun the cue scan took for the verb: the possessor speaks
        let body = "Ada Prell toured the mill. Voters are tired of Ada Prell's false \
                    claims that the levy is legal.";
        let qs = run_with(body, &people(body, &["Ada Prell"]));
        assert_eq!(speaker(containing(&qs, "levy is legal")).0, "Ada Prell");
        // a record is nobody's voice
        let body = "Ada Prell toured the mill. Ada Prell's voting record suggests \
                    that she favors the levy.";
        let qs = run_with(body, &people(body, &["Ada Prell"]));
        for q in qs.iter().filter(|q| q.text.contains("favors the levy")) {
            let name = q.speaker.as_ref().map(|s| s.name.as_str());
            assert!(name != Some("Ada Prell's voting record"), "{name:?}");
        }
    }

    #[test]
    fn a_document_with_a_contact_clause_speaks_for_its_subject() {
        let body = "Ivo Brandt owns two mills in the valley, according to filings \
                    Mr. Brandt made with the county.";
        let qs = run_with(body, &people(body, &["Ivo Brandt"]));
        assert_eq!(speaker(containing(&qs, "owns two mills")).0, "Ivo Brandt");
    }

    #[test]
    fn a_contracted_pronoun_is_the_pronoun_not_a_name() {
        let body = "Pia Lund chairs the board. I've been saying for years that the \
                    levy is unfair.";
        let qs = run_with(body, &people(body, &["Pia Lund"]));
        for q in qs.iter().filter(|q| q.text.contains("levy is unfair")) {
            let name = q.speaker.as_ref().map(|s| s.name.as_str());
            assert!(name.is_none_or(|n| !n.contains("ve")), "{name:?}");
        }
    }

    #[test]
    fn a_date_a_number_or_a_lone_possessor_names_nobody() {
        for (body, part, junk) in [
            (
                "Pia Lund spoke. Critics recalled her March comment that the mill was safe.",
                "mill was safe",
                "March",
            ),
            (
                "The county holds its vote in June, where 475 delegates will be pledged \
                 to the winner.",
                "winner",
                "475",
            ),
            (
                "Ohio's largest grain trader Varco says that it will build a new silo.",
                "new silo",
                "Ohio's",
            ),
        ] {
            let qs = run(body);
            for q in qs.iter().filter(|q| q.text.contains(part)) {
                let name = q.speaker.as_ref().map(|s| s.name.as_str());
                assert!(name != Some(junk), "{body}: {name:?}");
            }
        }
    }

    #[test]
    fn an_article_and_modifier_before_a_speech_noun_take_the_noun() {
        let body = "A news report published Monday said the mayor had resigned.";
        assert_eq!(
            name_of(body, "mayor had resigned").as_deref(),
            Some("A news report")
        );
        let body = "Ada Prell, who sits for Ohio, a swing state, said she would vote no.";
        let name = name_of(body, "vote no");
        assert!(name.as_deref() != Some("a swing"), "{name:?}");
    }

    #[test]
    fn they_takes_up_names_joined_past_their_party_and_state_tags() {
        let body = "Many growers have objected to the levy. \
                    Sens. Ada Quill, D-Ohio, and Tom Brandt, R-Utah, wrote to the board in May. \
                    The levy is a burden on small farms, they said.";
        let name = speaker_among(
            body,
            &["Ada Quill", "Tom Brandt"],
            "The levy is a burden on small farms",
        );
        assert_eq!(name, "Ada Quill and Tom Brandt");
    }

    #[test]
    fn a_document_put_out_saying_something_speaks_for_whoever_put_it_out() {
        let body = "Ada Quill toured the depot on Monday. \
                    The Harlow Growers Union put out a release saying the levy was \
                    “a tax on every loaf of bread.” \
                    Later the Kelvar Mills board sent out a memo saying that the plant would stay open.";
        let ents = [
            person("e1", "Ada Quill", body, &["Ada Quill"]),
            org("e2", "Harlow Growers Union", body),
            org("e3", "Kelvar Mills", body),
        ];
        let qs = run_with(body, &ents);
        assert_eq!(
            speaker(containing(&qs, "every loaf")).0,
            "Harlow Growers Union"
        );
        let (name, _) = speaker(containing(&qs, "plant would stay open"));
        assert_ne!(name, "Ada Quill");
        assert!(name.contains("Kelvar Mills"), "{name}");
    }

    #[test]
    fn a_relative_clause_on_a_document_speaks_for_the_document_not_the_outer_subject() {
        let body = "Senator Ada Quill toured the depot on Monday. \
                    Quill cited a memo from the agency that said the checks were “far too lax.” \
                    The Harlow Courier ran a piece that noted the fees had “doubled in a year.” \
                    Quill pointed to a Courier report, which notes, “Half of the permits came late.”";
        let ents = [
            person("e1", "Ada Quill", body, &["Ada Quill", "Quill"]),
            org("e2", "Harlow Courier", body),
        ];
        let qs = run_with(body, &ents);
        // "a memo from the agency": its issuer, the definite phrase
        let (name, _) = speaker(containing(&qs, "far too lax"));
        assert_eq!(name, "the agency");
        // an issuing verb's subject issued the thing its relative clause is on
        assert_eq!(speaker(containing(&qs, "doubled in")).0, "Harlow Courier");
        // "a Courier report, which notes": the report, not Quill
        assert_ne!(
            speaker(containing(&qs, "Half of the permits")).0,
            "Ada Quill"
        );
    }

    #[test]
    fn according_to_after_a_quotation_names_its_source() {
        let body = "Ada Quill visited the site on Monday. \
                    “The inspectors found no sign of a leak anywhere in the tunnel,” according to \
                    a filing submitted by prosecutor Tom Brandt. \
                    Quill said, “We will reopen the road by the end of May,” according to the Courier. \
                    Voters picked “yes,” or “no,” according to their own taste. \
                    “The pumps failed twice in a week. Nobody logged the faults,” according \
                    to the Harlow Gazette.";
        let ents = people(body, &["Ada Quill", "Tom Brandt"]);
        let qs = run_with(body, &ents);
        // a quotation of two sentences before "according to": one
        // statement, the quotation, not a second copy of its last sentence
        let faults: Vec<_> = qs
            .iter()
            .filter(|q| q.text.contains("logged the faults"))
            .collect();
        assert_eq!(faults.len(), 1, "{qs:#?}");
        assert!(speaker(faults[0]).0.contains("Harlow Gazette"), "{qs:#?}");
        // the filer of the document, past its issuing participle
        assert_eq!(
            speaker(containing(&qs, "no sign of a leak")).0,
            "Tom Brandt"
        );
        // a quotation with its own speech verb is relayed, not the source's
        assert_eq!(speaker(containing(&qs, "reopen the road")).0, "Ada Quill");
        // "according to their taste" is no source
        assert!(
            qs.iter()
                .all(|q| q.cue.as_ref().is_none_or(|c| c.text != "according to")
                    || !q.text.contains("yes")),
            "{qs:#?}"
        );
    }

    #[test]
    fn what_a_document_found_is_its_statement_and_a_report_after_an_article_is_a_noun() {
        let body = "Ada Quill spoke on Monday. \
                    Lawmakers cited an audit office report that found the permits were \
                    “handed out with no checks at all.” \
                    A report by the Harlow Audit Office found the fees had doubled. \
                    Crews found the keys were missing. \
                    Quill denied a Courier report that the mayor would quit.";
        let ents = [
            person("e1", "Ada Quill", body, &["Ada Quill", "Quill"]),
            org("e2", "Harlow Audit Office", body),
        ];
        let qs = run_with(body, &ents);
        // the document, not the lawmakers who cite it
        let q = containing(&qs, "handed out");
        assert_eq!(speaker(q).1, "an audit office report");
        assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("found"));
        // a report "by" a body is that body's finding
        assert_eq!(
            speaker(containing(&qs, "fees had doubled")).0,
            "Harlow Audit Office"
        );
        // people finding things make no statement
        assert!(qs.iter().all(|q| !q.text.contains("keys")), "{qs:#?}");
        // "a Courier report that …" keeps its content clause
        assert!(
            qs.iter().any(|q| q.text.contains("mayor would quit")),
            "{qs:#?}"
        );
    }
}
