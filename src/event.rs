//! Output events: the v1 contract (`../shared/eval/CONTRACT.md`).
//!
//! `ArticleEvent` is what `byline enrich` prints and what the
//! `articles.enriched` topic carries; `StatementEvent` is one quote, published
//! to the `statements` topic for real-time alerting. Both derive
//! [`schemars::JsonSchema`], so `byline schema` prints schemas generated from
//! these very types. Fields are only ever added in v1, never renamed.

mod json;

use json::WriteJson;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Schema tag of [`ArticleEvent`].
pub const ARTICLE_SCHEMA: &str = "byline.article.v1";
/// Schema tag of [`StatementEvent`].
pub const STATEMENT_SCHEMA: &str = "byline.statement.v1";

/// A date, time, duration or set found in the body, normalized to TIMEX3.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// The body's text for the span.
    pub text: String,
    /// Code-point start in the body.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// TIMEX3 value: `2025-02-19`, `2025-W07`, `2025-02-19TNI`, `P2W`, `PRESENT_REF`, …
    pub value: String,
    /// TimeML type.
    #[serde(rename = "type")]
    pub kind: DateType,
    /// For a `SET`, how often it recurs in each period, as TIMEX3's `freq`
    /// attribute: `2X` for `twice a week` (value `P1W`). Absent when the
    /// text gives no count (`every week`, `daily`). Added in v1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
}

/// TimeML TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum DateType {
    /// A calendar date or period (day, week, month, quarter, year, decade).
    Date,
    /// A time of day, or a part of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time ("every Monday", "daily").
    Set,
}

/// Which date relative expressions ("yesterday", "last week", "March 9")
/// were resolved against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceSource {
    /// The input's `published_at` (always preferred when present).
    PublishedAt,
    /// No `published_at`: a dateline in the first lines of the body
    /// (`September 01, 2007`, `2007-09-01`, `WASHINGTON, Feb. 3 (AP) —`).
    Dateline,
    /// No reference: relative values stay underspecified (`XXXX-XX-XX`).
    #[default]
    None,
}

/// One mention of a name in the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Mention {
    /// The body's text for the span.
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
}

/// Entity types of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Person,
    /// A company, institution, government body, party, team, outlet.
    Organization,
    /// A country, city, region or geographic feature.
    Location,
    /// Any other proper name: products, events, nationalities.
    Misc,
}

/// One real-world entity with all its mentions in the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    /// Article-local id (`e1`, `e2`, …), referenced by quote speakers.
    pub id: String,
    /// Canonical (fullest) form of the name in the article.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Titles and roles the article gives it ("US Treasury Secretary").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Every name mention, in body order.
    pub mentions: Vec<Mention>,
    /// Non-name references resolved to this entity, in body order: role
    /// phrases such as "the Treasury Secretary". Kept apart from `mentions`,
    /// which hold names only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Mention>,
}

/// Direct, reported or mixed speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech containing a quoted fragment.
    Mixed,
}

/// Who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Speaker {
    /// Canonical name (the entity's name when resolved).
    pub name: String,
    /// Id of the entity in `entities`, when the speaker is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The mention nearest the cue, as written ("he", "Trump", "the minister").
    pub text: String,
    /// Code-point start of that mention.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
}

/// The words that mark speech ("said", "according to").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Cue {
    /// The body's text for the span.
    pub text: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
}

/// One statement: direct, reported or mixed speech.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// The content without surrounding quotation marks. A quote broken by
    /// its attribution (`"…," he said. "…"`) is two quotes, one per part.
    pub text: String,
    /// Code-point start of the content.
    pub start: usize,
    /// Code-point end (exclusive).
    pub end: usize,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The speaker; `null` only when the article does not say who spoke.
    pub speaker: Option<Speaker>,
    /// The speech cue, when there is one.
    pub cue: Option<Cue>,
    /// Article-local id (`u1`, `u2`, …) shared by the parts of one
    /// utterance split by its attribution (`"…," she said. "…"`): join
    /// them on it. Absent for a quote that is a whole utterance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utterance: Option<String>,
    /// When it was said: the TIMEX3 value of the date in the attribution
    /// clause ("said Thursday", "told reporters on Monday", "in a 1963
    /// speech"), shared by the parts of a split utterance. Absent when the
    /// attribution gives no date; never defaulted to the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_at: Option<String>,
    /// The attribution standing inside reported content ("Costs, she said,
    /// will rise": `, she said,`), from the comma before it to the comma
    /// after it. `text` keeps it (it is the body's span); the statement
    /// event's `text` leaves it out. Absent when the attribution stands
    /// outside the content. Added in v1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Cue>,
    /// What was said, in pieces, when an [`Quote::attribution`] stands
    /// inside the content ("Costs, she said, will rise": `Costs` and `will
    /// rise`): code-point `[start, end)` pairs in body order, the words of
    /// the attribution and the commas around it left out. Absent when the
    /// content is one piece. Added in v1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spans: Option<Vec<[usize; 2]>>,
    /// The writer's clause carrying a quoted fragment that is no clause of
    /// its own ("Roe called the plan “a costly mistake”": `the plan “a
    /// costly mistake”`), or that a quotation goes on from before its cue
    /// ("The plan was “a costly mistake,” Roe said": `The plan was “a
    /// costly mistake,”`). `text` stays the words in the marks, a direct
    /// quote; the statement event's `text`, `start` and `end` are the
    /// clause's, so an alert reads as a claim. Absent otherwise. Added in
    /// v1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<Cue>,
}

impl Quote {
    /// What was said: `text` without the [`Quote::attribution`] inside it
    /// ("Costs, she said, will rise" → "Costs will rise").
    pub fn statement_text(&self) -> String {
        if let Some(c) = &self.clause {
            return c.text.clone();
        }
        let Some(a) = self
            .attribution
            .as_ref()
            .filter(|a| self.start <= a.start && a.start <= a.end && a.end <= self.end)
        else {
            return self.text.clone();
        };
        // code-point offsets in the body to byte offsets in `text`
        let byte = |cp: usize| {
            self.text
                .char_indices()
                .nth(cp - self.start)
                .map_or(self.text.len(), |(b, _)| b)
        };
        let (before, after) = (&self.text[..byte(a.start)], &self.text[byte(a.end)..]);
        let (before, after) = (before.trim_end(), after.trim_start());
        match (before.is_empty(), after.is_empty()) {
            (true, _) => after.to_string(),
            (_, true) => before.to_string(),
            _ => format!("{before} {after}"),
        }
    }

    /// Where what was said lies in the body: the [`Quote::clause`] when
    /// there is one, else the quote.
    pub fn statement_span(&self) -> (usize, usize) {
        self.clause
            .as_ref()
            .map_or((self.start, self.end), |c| (c.start, c.end))
    }

    /// Whether the body span `start..end` lies in what was said: inside
    /// the statement's span and outside the quote's attribution.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        let (from, to) = self.statement_span();
        from <= start
            && end <= to
            && self
                .attribution
                .as_ref()
                .is_none_or(|a| end <= a.start || a.end <= start)
    }
}

/// Where an article came from on Kafka (absent for `byline enrich`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SourceRecord {
    /// Input topic.
    pub topic: String,
    /// Input partition.
    pub partition: i32,
    /// Input offset.
    pub offset: i64,
}

/// How and when byline produced an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Processing {
    /// byline's version (crate version).
    pub byline_version: String,
    /// When enrichment finished, RFC 3339 UTC.
    pub processed_at: String,
    /// The input record, when read from Kafka.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRecord>,
}

/// The enriched article (`byline.article.v1`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ArticleEvent {
    /// Always `byline.article.v1`.
    pub schema: String,
    /// Article id (from the input, its key, or a content hash).
    pub id: String,
    /// Publication date `YYYY-MM-DD`, when known; relative dates resolve against it.
    pub published_at: Option<String>,
    /// Headline, when the input had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Source URL, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publisher or feed, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Language tag, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Dates, times, durations and sets, in body order.
    pub dates: Vec<DateMention>,
    /// The date relative dates were resolved against, `YYYY-MM-DD`: equal
    /// to `published_at` when that is present, else taken from a dateline in
    /// the body's first lines. Absent when there was none (see
    /// `reference_source`) or the dates stage did not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_date: Option<String>,
    /// Where `reference_date` came from: `published_at`, `dateline` or
    /// `none`. Absent when the dates stage did not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_source: Option<ReferenceSource>,
    /// Named entities with their mentions.
    pub entities: Vec<Entity>,
    /// Statements, in body order.
    pub quotes: Vec<Quote>,
    /// Processing metadata.
    pub processing: Processing,
}

/// One statement, for alerting (`byline.statement.v1`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StatementEvent {
    /// Always `byline.statement.v1`.
    pub schema: String,
    /// Stable key: the same speaker and the same normalized words give the
    /// same fingerprint, so a statement reported twice can be deduplicated.
    pub fingerprint: String,
    /// The article it was found in.
    pub article_id: String,
    /// The article's publication date.
    pub published_at: Option<String>,
    /// Canonical speaker name, `null` when unknown.
    pub speaker: Option<String>,
    /// Speaker's entity type, when resolved to an entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_type: Option<EntityType>,
    /// What was said: the quote's `text` without an attribution standing
    /// inside it (the quote's `attribution`), so `start..end` may hold
    /// more; for a quoted fragment, the clause carrying it (the quote's
    /// `clause`).
    pub text: String,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The speech cue, when there is one ("said", "told reporters").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// The quote's `utterance`: statements with the same article id and
    /// utterance are parts of one utterance split by its attribution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utterance: Option<String>,
    /// The quote's `said_at`: TIMEX3 value of the attribution's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_at: Option<String>,
    /// The speaker entity's `roles` ("US Treasury Secretary"), so that an
    /// alert can say who the speaker is without the article. Added in v1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speaker_roles: Vec<String>,
    /// The entities mentioned inside the statement, under their canonical
    /// names, in order of first mention: whom it is about. Added in v1.
    #[serde(default)]
    pub about: Vec<AboutEntity>,
    /// The dates inside the statement, as in the article event (positions
    /// in the body). Added in v1.
    #[serde(default)]
    pub dates: Vec<DateMention>,
    /// The article's headline, passed through. Added in v1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The article's URL, passed through. Added in v1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The article's publisher or feed, passed through. Added in v1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The article's language tag, passed through. Added in v1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The statement's similarity signature (speaker key, shingle count,
    /// MinHash): what the novelty processor groups near-duplicates by
    /// (README, "Statement identity"). Added in v1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<crate::novelty::signature::Similarity>,
    /// Position of the statement in the article body (code points).
    pub start: usize,
    /// End of the statement in the body (code points, exclusive).
    pub end: usize,
    /// Processing metadata.
    pub processing: Processing,
}

/// Fingerprint of a statement: SHA-256 over the case-folded speaker name and
/// the content's words (letters and digits only, lowercased, single-spaced),
/// hex, first 32 chars. Punctuation, quote styles and spacing do not change it.
pub fn statement_fingerprint(speaker: Option<&str>, text: &str) -> String {
    // One buffer holds both parts: hashing the concatenation is hashing
    // the parts in turn.
    let speaker = speaker.unwrap_or("");
    let mut words = String::with_capacity(speaker.len() + 1 + text.len());
    normalize_words(&mut words, speaker);
    words.push('\0');
    normalize_words(&mut words, text);
    let digest = Sha256::digest(words.as_bytes());
    let mut out = String::with_capacity(32);
    crate::push_hex(&mut out, &digest[..16]);
    out
}

/// Appends the words of `s` (runs of letters and digits), lowercased and
/// single-spaced.
fn normalize_words(out: &mut String, s: &str) {
    let from = out.len();
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && out.len() > from {
                out.push(' ');
            }
            gap = false;
            crate::text::push_lowercase(out, c);
        } else {
            gap = true;
        }
    }
}

/// An entity a statement mentions (`byline.statement.v1` `about`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AboutEntity {
    /// The entity's id in the article event (`e1`, …).
    pub id: String,
    /// Its canonical name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
}

impl StatementEvent {
    /// The statement event for `quote` of `article`.
    pub fn from_quote(article: &ArticleEvent, quote: &Quote) -> Self {
        let speaker = quote.speaker.as_ref().map(|s| s.name.clone());
        let speaker_entity = quote
            .speaker
            .as_ref()
            .and_then(|s| s.entity.as_ref())
            .and_then(|id| article.entities.iter().find(|e| &e.id == id));
        let speaker_type = speaker_entity.map(|e| e.kind);
        let inside = |start: usize, end: usize| quote.covers(start, end);
        let text = quote.statement_text();
        // Entities by their first mention inside the statement.
        let mut about: Vec<(usize, AboutEntity)> = article
            .entities
            .iter()
            .filter_map(|e| {
                let first = e
                    .mentions
                    .iter()
                    .filter(|m| inside(m.start, m.end))
                    .map(|m| m.start)
                    .min()?;
                Some((
                    first,
                    AboutEntity {
                        id: e.id.clone(),
                        name: e.name.clone(),
                        kind: e.kind,
                    },
                ))
            })
            .collect();
        about.sort_by_key(|a| a.0);
        let (start, end) = quote.statement_span();
        let similarity = crate::novelty::signature::Signature::of(
            quote.speaker.as_ref().map(|s| s.name.as_str()),
            &text,
        )
        .similarity();
        StatementEvent {
            schema: STATEMENT_SCHEMA.to_string(),
            fingerprint: statement_fingerprint(speaker.as_deref(), &text),
            article_id: article.id.clone(),
            published_at: article.published_at.clone(),
            speaker,
            speaker_type,
            text,
            kind: quote.kind,
            cue: quote.cue.as_ref().map(|c| c.text.clone()),
            utterance: quote.utterance.clone(),
            said_at: quote.said_at.clone(),
            speaker_roles: speaker_entity.map(|e| e.roles.clone()).unwrap_or_default(),
            about: about.into_iter().map(|a| a.1).collect(),
            dates: article
                .dates
                .iter()
                .filter(|d| inside(d.start, d.end))
                .cloned()
                .collect(),
            title: article.title.clone(),
            url: article.url.clone(),
            source: article.source.clone(),
            language: article.language.clone(),
            similarity: Some(similarity),
            start,
            end,
            processing: article.processing.clone(),
        }
    }
}

/// One article event and its statement events, encoded for the output
/// topics: what the worker produces for one input record. One function, so
/// the worker, its benchmark and the criterion reference do the same work.
#[derive(Debug)]
pub struct EncodedEvents {
    /// Key (the article id) and JSON of the article event.
    pub article: (String, Vec<u8>),
    /// Key (the statement fingerprint) and JSON of each statement event,
    /// in body order.
    pub statements: Vec<(String, Vec<u8>)>,
}

/// Encodes `event` and one [`StatementEvent`] per quote, as
/// `serde_json::to_vec` of each would (`event/json.rs` writes them
/// directly). Writing them cannot fail today; the `Result` keeps the
/// callers' dead-letter path should an event ever hold something JSON
/// cannot carry.
pub fn encode(event: &ArticleEvent) -> Result<EncodedEvents, serde_json::Error> {
    // The events are written into this thread's scratch buffer and copied
    // out at their exact size: serializing into a fresh vector grew it
    // from 128 bytes by doubling, several reallocations and copies per
    // event (the worker's enrichment threads are long-lived).
    let mut buf = SCRATCH.take();
    let encoded = encode_with(event, &mut buf);
    if buf.capacity() <= SCRATCH_KEEP {
        SCRATCH.set(buf);
    }
    Ok(encoded)
}

/// Appends the JSON of the article event to `out`: the bytes [`encode`]
/// publishes, for the writers outside the worker (`byline enrich`), so
/// that one writer makes every event.
pub fn write_article_json(event: &ArticleEvent, out: &mut Vec<u8>) {
    event.write_json(out);
}

/// The largest scratch buffer a thread keeps between events: one huge
/// article does not pin its size for the thread's life.
const SCRATCH_KEEP: usize = 1 << 20;

thread_local! {
    static SCRATCH: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

fn encode_with(event: &ArticleEvent, buf: &mut Vec<u8>) -> EncodedEvents {
    let mut statements = Vec::with_capacity(event.quotes.len());
    for q in &event.quotes {
        let s = StatementEvent::from_quote(event, q);
        let json = to_json(buf, &s);
        statements.push((s.fingerprint, json));
    }
    EncodedEvents {
        article: (event.id.clone(), to_json(buf, event)),
        statements,
    }
}

/// `value`'s JSON, written in `buf` and copied out at its exact size.
fn to_json<T: WriteJson>(buf: &mut Vec<u8>, value: &T) -> Vec<u8> {
    buf.clear();
    value.write_json(buf);
    buf.as_slice().to_vec()
}

/// JSON Schemas of the events (article, statement, and the novelty
/// processor's new, seen and identified records), generated from their
/// types.
pub fn schemas() -> serde_json::Value {
    serde_json::json!({
        ARTICLE_SCHEMA: schemars::schema_for!(ArticleEvent),
        STATEMENT_SCHEMA: schemars::schema_for!(StatementEvent),
        crate::novelty::events::NEW_SCHEMA: schemars::schema_for!(crate::novelty::events::NewStatement),
        crate::novelty::events::SEEN_SCHEMA: schemars::schema_for!(crate::novelty::events::SeenStatement),
        crate::novelty::events::IDENTIFIED_SCHEMA: schemars::schema_for!(crate::novelty::events::IdentifiedStatement),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_punctuation_case_and_spacing() {
        let a = statement_fingerprint(Some("Donald Trump"), "I cannot, I cannot sell our state.");
        let b = statement_fingerprint(Some("donald  trump"), "“I cannot I CANNOT sell our state”");
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn fingerprint_depends_on_speaker_and_words() {
        let a = statement_fingerprint(Some("Donald Trump"), "we will see");
        assert_ne!(
            a,
            statement_fingerprint(Some("Volodymyr Zelensky"), "we will see")
        );
        assert_ne!(
            a,
            statement_fingerprint(Some("Donald Trump"), "we will not see")
        );
        assert_ne!(a, statement_fingerprint(None, "we will see"));
    }

    /// The article event of an invented input record, enriched by the
    /// standard pipeline.
    fn event_of(json: &[u8]) -> ArticleEvent {
        let article =
            crate::article::decode(json, crate::article::RecordContext::default(), 1 << 20)
                .unwrap();
        let enrichment = crate::enrich::Pipeline::standard().run(&article);
        let processing = Processing {
            byline_version: "test".into(),
            processed_at: "2025-03-04T00:00:00Z".into(),
            source: None,
        };
        crate::enrich::build_event(&article, enrichment, processing)
    }

    #[test]
    fn a_statement_carries_whom_it_is_about_its_dates_and_the_article() {
        // Invented article.
        let json = br#"{"id":"s1","published_at":"2025-03-04","title":"Port deal","url":"https://example.org/a","source":"Example Wire","language":"en","body":"Northland Finance Minister Jane Roe spoke in Eastport on Monday. \"Acme Shipping will sign the deal with Globex on Friday,\" Roe said. \"Nothing changes for Westbury,\" she added."}"#;
        let event = event_of(json);
        let first = event.quotes.first().expect("a quote");
        let s = StatementEvent::from_quote(&event, first);
        assert_eq!(s.speaker.as_deref(), Some("Jane Roe"), "{s:#?}");
        assert!(
            s.speaker_roles.iter().any(|r| r.contains("Minister")),
            "{s:#?}"
        );
        let about: Vec<&str> = s.about.iter().map(|a| a.name.as_str()).collect();
        assert!(
            about.contains(&"Acme Shipping") && about.contains(&"Globex"),
            "{about:?}"
        );
        assert!(
            !about.contains(&"Westbury") && !about.contains(&"Eastport"),
            "{about:?}"
        );
        for a in &s.about {
            assert!(event
                .entities
                .iter()
                .any(|e| e.id == a.id && e.name == a.name));
        }
        let dates: Vec<&str> = s.dates.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(dates, ["Friday"], "{s:#?}");
        assert_eq!(s.title.as_deref(), Some("Port deal"));
        assert_eq!(s.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(s.source.as_deref(), Some("Example Wire"));
        assert_eq!(s.language.as_deref(), Some("en"));
        let schema = &schemas()[STATEMENT_SCHEMA]["properties"];
        let sim = s.similarity.as_ref().expect("a similarity signature");
        assert_eq!(sim.speaker_key, "roe");
        assert_eq!(sim.minhash.len(), 256);
        for f in [
            "similarity",
            "about",
            "dates",
            "speaker_roles",
            "title",
            "url",
            "source",
            "language",
        ] {
            assert!(schema[f]["description"].is_string(), "{f} undocumented");
        }
    }

    #[test]
    fn an_attribution_inside_reported_content_is_left_out_of_the_statement() {
        // Invented article: the attribution, its speaker and its date stand
        // inside the reported sentence.
        let body = "Northland Finance Minister Jane Roe visited Eastport. The harbour levy, Roe said on Monday, will double for Globex from Friday.";
        let event = event_of(
            format!(r#"{{"id":"s2","published_at":"2025-03-04","body":"{body}"}}"#).as_bytes(),
        );
        let q = event
            .quotes
            .iter()
            .find(|q| q.text.starts_with("The harbour levy"))
            .expect("the reported statement");
        let a = q.attribution.as_ref().expect("its attribution");
        assert_eq!(a.text, ", Roe said on Monday,");
        let chars: Vec<char> = body.chars().collect();
        assert_eq!(chars[a.start..a.end].iter().collect::<String>(), a.text);
        let s = StatementEvent::from_quote(&event, q);
        assert_eq!(
            s.text,
            "The harbour levy will double for Globex from Friday"
        );
        assert_eq!(s.speaker.as_deref(), Some("Jane Roe"));
        // the speaker and the attribution's date are not what it is about
        let about: Vec<&str> = s.about.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(about, ["Globex"], "{s:#?}");
        let dates: Vec<&str> = s.dates.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(dates, ["Friday"], "{s:#?}");
        // the same words without the attribution are the same statement
        assert_eq!(
            s.fingerprint,
            statement_fingerprint(
                Some("Jane Roe"),
                "The harbour levy will double for Globex from Friday"
            )
        );
    }

    #[test]
    fn a_quoted_fragments_statement_is_the_clause_carrying_it() {
        let body = "Northland Finance Minister Jane Roe spoke on Monday. Roe called the Globex bid “a costly mistake” on Friday.";
        let event = event_of(
            format!(r#"{{"id":"s3","published_at":"2025-03-04","body":"{body}"}}"#).as_bytes(),
        );
        let q = event
            .quotes
            .iter()
            .find(|q| q.text == "a costly mistake")
            .expect("the fragment, a direct quote");
        assert_eq!(q.kind, QuoteKind::Direct);
        let s = StatementEvent::from_quote(&event, q);
        assert_eq!(s.text, "the Globex bid “a costly mistake”");
        let chars: Vec<char> = body.chars().collect();
        assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text);
        let about: Vec<&str> = s.about.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(about, ["Globex"], "{s:#?}");
    }

    #[test]
    fn statement_text_splices_out_the_attribution_by_code_points() {
        let text = "Café prices, she said, will rise";
        let q = Quote {
            text: text.into(),
            start: 10,
            end: 10 + text.chars().count(),
            kind: QuoteKind::Indirect,
            speaker: None,
            cue: None,
            utterance: None,
            said_at: None,
            clause: None,
            spans: None,
            attribution: Some(Cue {
                text: ", she said,".into(),
                start: 10 + 11,
                end: 10 + 22,
            }),
        };
        assert_eq!(q.statement_text(), "Café prices will rise");
        assert!(q.covers(10, 14) && !q.covers(23, 27) && q.covers(33, 37));
        let whole = Quote {
            attribution: None,
            ..q
        };
        assert_eq!(whole.statement_text(), text);
    }

    #[test]
    fn schemas_name_both_events() {
        let s = schemas();
        assert!(s[ARTICLE_SCHEMA]["properties"]["quotes"].is_object());
        assert!(s[STATEMENT_SCHEMA]["properties"]["fingerprint"].is_object());
        // The reference date fields are documented in the schema.
        let source = &s[ARTICLE_SCHEMA]["properties"]["reference_source"];
        assert!(source.is_object());
        assert!(s[ARTICLE_SCHEMA]["properties"]["reference_date"]["description"].is_string());
        let text = s.to_string();
        for v in ["published_at", "dateline", "none"] {
            assert!(text.contains(&format!("\"{v}\"")), "{v}");
        }
    }
}
