//! Word lists for English news attribution: speech cues, pronouns, titles,
//! organisation and group heads, and the closed classes the clause heuristics
//! need. All lookups take a lowercased word and are `match`/binary-search
//! based: no allocation on the hot path.

/// How a speech verb behaves, which decides what may follow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// `say`: takes a bare finite clause ("said he would"), and quotes.
    Say,
    /// `tell`, `inform`, `assure`, `remind`: an object, then the content.
    Tell,
    /// Reporting verbs (`announce`, `claim`, `warn`, …): content after
    /// `that`, or a bare clause that clearly starts with a subject.
    Report,
    /// Verbs that only introduce or follow direct quotes (`continue`,
    /// `quip`, `comment`, `speak`, `read`).
    DirectOnly,
    /// Verbs that attribute a short quoted fragment but never a clause
    /// (`call`, `describe`, `accuse`, `blame`): "called it the “…”".
    Fragment,
}

/// Lemmas of reporting verbs with regular inflection.
const REPORT_LEMMAS: &[&str] = &[
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "allege",
    "announce",
    "answer",
    "argue",
    "assert",
    "boast",
    "caution",
    "claim",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "declare",
    "deny",
    "disclose",
    "emphasize",
    "emphasise",
    "estimate",
    "explain",
    "forecast",
    "hint",
    "indicate",
    "insist",
    "maintain",
    "mention",
    "note",
    "observe",
    "pledge",
    "point",
    "predict",
    "proclaim",
    "promise",
    "protest",
    "recall",
    "reckon",
    "reiterate",
    "remark",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "signal",
    "state",
    "stress",
    "suggest",
    "testify",
    "threaten",
    "tweet",
    "underline",
    "vow",
    "warn",
    "ask",
    "write",
];

/// Lemmas of verbs taking an object before the content ("told reporters").
const TELL_LEMMAS: &[&str] = &["assure", "inform", "remind", "tell", "notify"];

/// Lemmas that only go with direct quotes.
const DIRECT_LEMMAS: &[&str] = &[
    "comment", "continue", "exclaim", "joke", "quip", "shout", "sigh", "speak", "read", "whisper",
    "scream", "yell", "muse",
];

/// Lemmas attributing a quoted fragment only.
const FRAGMENT_LEMMAS: &[&str] = &[
    "accuse", "blame", "brand", "call", "condemn", "criticize", "criticise", "decry", "describe",
    "dub", "hail", "label", "praise", "slam", "term",
];

/// Irregular forms, with their class.
const IRREGULAR: &[(&str, CueClass)] = &[
    ("said", CueClass::Say),
    ("say", CueClass::Say),
    ("says", CueClass::Say),
    ("saying", CueClass::Say),
    ("told", CueClass::Tell),
    ("wrote", CueClass::Report),
    ("written", CueClass::Report),
    ("writes", CueClass::Report),
    ("writing", CueClass::Report),
    ("spoke", CueClass::DirectOnly),
    ("spoken", CueClass::DirectOnly),
    ("speaks", CueClass::DirectOnly),
    ("reads", CueClass::DirectOnly),
    ("read", CueClass::DirectOnly),
    ("forecast", CueClass::Report),
    ("dubbed", CueClass::Fragment),
    ("quipped", CueClass::DirectOnly),
    ("slammed", CueClass::Fragment),
    ("denied", CueClass::Report),
    ("denies", CueClass::Report),
    ("replied", CueClass::Report),
    ("replies", CueClass::Report),
    ("testified", CueClass::Report),
    ("testifies", CueClass::Report),
    ("criticised", CueClass::Fragment),
    ("criticized", CueClass::Fragment),
];

fn class_of_lemma(lemma: &str) -> Option<CueClass> {
    if REPORT_LEMMAS.contains(&lemma) {
        Some(CueClass::Report)
    } else if TELL_LEMMAS.contains(&lemma) {
        Some(CueClass::Tell)
    } else if DIRECT_LEMMAS.contains(&lemma) {
        Some(CueClass::DirectOnly)
    } else if FRAGMENT_LEMMAS.contains(&lemma) {
        Some(CueClass::Fragment)
    } else {
        None
    }
}

/// The cue class of a lowercased word form, if it is a speech verb.
///
/// Regular inflections (`-s`, `-es`, `-ed`, `-d`, `-ing`, with a final `e`
/// restored and doubled consonants undone) are reduced to the lemma lists.
pub fn cue_class(w: &str) -> Option<CueClass> {
    if w.len() < 3 || !w.is_ascii() {
        return None;
    }
    if let Some(&(_, c)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        return Some(c);
    }
    if let Some(c) = class_of_lemma(w) {
        return Some(c);
    }
    let mut buf = [0u8; 32];
    let try_stem = |stem: &str, buf: &mut [u8; 32]| -> Option<CueClass> {
        if stem.len() < 2 || stem.len() + 1 > buf.len() {
            return None;
        }
        if let Some(c) = class_of_lemma(stem) {
            return Some(c);
        }
        // restore a final e: "announc" -> "announce"
        buf[..stem.len()].copy_from_slice(stem.as_bytes());
        buf[stem.len()] = b'e';
        if let Some(c) = std::str::from_utf8(&buf[..=stem.len()])
            .ok()
            .and_then(class_of_lemma)
        {
            return Some(c);
        }
        // undo a doubled consonant: "dubb" -> "dub"
        let b = stem.as_bytes();
        if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
            return stem.get(..stem.len() - 1).and_then(class_of_lemma);
        }
        None
    };
    for suffix in ["ing", "ed", "es", "s", "d"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if let Some(c) = try_stem(stem, &mut buf) {
                return Some(c);
            }
        }
    }
    None
}

/// Lemmas whose base and `-s` forms are more often nouns ("a signal",
/// "sticky notes", "an initial forecast"): as verbs they need a subject
/// right before them.
pub fn is_nouny_form(w: &str) -> bool {
    const NOUNY: &[&str] = &[
        "signal", "report", "claim", "estimate", "forecast", "promise", "pledge", "comment",
        "answer", "reply", "note", "tweet", "state", "point", "hint", "protest", "vow",
        "warning", "statement", "remark", "repeat", "stress", "counter", "call", "blame",
        "label", "term", "brand", "praise", "read", "joke", "testify", "admit",
    ];
    NOUNY.contains(&w) || w.strip_suffix('s').is_some_and(|b| NOUNY.contains(&b))
}

/// Question words opening an embedded question ("did not say whether …").
pub fn is_wh(w: &str) -> bool {
    matches!(
        w,
        "whether" | "if" | "what" | "how" | "why" | "when" | "where" | "who" | "which" | "whom"
    )
}

/// Modals: "it should be mentioned that" is not a report.
pub fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "should" | "must" | "can" | "could" | "may" | "might" | "would" | "will" | "shall"
    )
}

/// Determiners that never stand alone as a subject ("the", "its"), unlike
/// "some", "many", "others" ("Some say …").
pub fn is_pure_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "this" | "these" | "those" | "his" | "her" | "its" | "their"
            | "our" | "my" | "your" | "every" | "each" | "no" | "any"
    )
}

/// Whether `w` (lowercased) is the `-ing` form (a participle like "saying").
pub fn is_ing(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing")
}

/// Subject pronouns that can be speakers.
pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "you")
}

/// Pronouns that refer to a person.
pub fn is_person_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "i")
}

/// Auxiliaries and modals: a finite clause is close when one appears.
pub fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "were"
            | "are"
            | "am"
            | "be"
            | "will"
            | "would"
            | "has"
            | "had"
            | "have"
            | "can"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "shall"
            | "does"
            | "did"
            | "do"
            | "won't"
            | "wouldn't"
            | "can't"
            | "cannot"
            | "couldn't"
            | "isn't"
            | "wasn't"
            | "aren't"
            | "weren't"
            | "hasn't"
            | "hadn't"
            | "haven't"
            | "doesn't"
            | "didn't"
            | "don't"
            | "shouldn't"
    )
}

/// Determiners and quantifiers that open a noun phrase.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "some"
            | "many"
            | "most"
            | "several"
            | "other"
            | "all"
            | "both"
            | "few"
            | "no"
            | "any"
            | "each"
            | "every"
            | "one"
            | "two"
            | "three"
            | "more"
            | "much"
    )
}

/// Prepositions that may extend a speaker noun phrase to the right
/// ("representatives at several Apple stores", "Keith Springer of …").
pub fn is_np_preposition(w: &str) -> bool {
    matches!(w, "of" | "at" | "for" | "from" | "with" | "in")
}

/// Words that end a left-scanned subject: conjunctions, relative words,
/// prepositions and verbs that cannot sit inside a subject noun phrase.
pub fn is_left_barrier(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "or"
            | "nor"
            | "so"
            | "yet"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "when"
            | "while"
            | "where"
            | "after"
            | "before"
            | "because"
            | "since"
            | "although"
            | "though"
            | "if"
            | "as"
            | "than"
            | "by"
            | "to"
            | "on"
            | "into"
            | "during"
            | "about"
            | "over"
            | "under"
            | "through"
            | "against"
            | "between"
            | "without"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "being"
            | "also"
    )
}

/// Adverbs and auxiliaries that may sit between a subject and its speech
/// verb ("Jobs has also said", "Zelensky later said").
pub fn is_preverbal(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "then"
            | "again"
            | "earlier"
            | "further"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "did"
            | "does"
            | "do"
            | "both"
            | "previously"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "once"
            | "meanwhile"
            | "however"
            | "already"
            | "reportedly"
            | "recently"
            | "first"
            | "too"
            | "subsequently"
            | "separately"
            | "similarly"
            | "now"
            | "just"
            | "still"
            | "even"
            | "openly"
            | "flatly"
            | "bluntly"
            | "simply"
            | "often"
            | "never"
            | "always"
            | "may"
            | "might"
            | "could"
            | "can"
            | "not"
            | "never"
    )
}

/// Time words that may follow a speech verb before its content
/// ("said Tuesday that", "announced today").
pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "today"
            | "yesterday"
            | "tonight"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "earlier"
            | "later"
            | "recently"
            | "previously"
            | "also"
            | "again"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "separately"
            | "however"
            | "now"
            | "then"
            | "last"
            | "this"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "month"
            | "year"
            | "once"
            | "further"
            | "too"
            | "first"
            | "flatly"
            | "bluntly"
            | "simply"
            | "openly"
    )
}

/// Title and role words stripped from the front of a person's name
/// ("US Treasury Secretary Scott Bessent" -> "Scott Bessent").
pub fn is_title(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "vice"
            | "mr"
            | "mr."
            | "mrs"
            | "mrs."
            | "ms"
            | "ms."
            | "dr"
            | "dr."
            | "prof"
            | "prof."
            | "professor"
            | "secretary"
            | "minister"
            | "chancellor"
            | "senator"
            | "sen"
            | "sen."
            | "rep"
            | "rep."
            | "representative"
            | "gov"
            | "gov."
            | "governor"
            | "judge"
            | "justice"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "chairperson"
            | "ceo"
            | "cfo"
            | "coo"
            | "cto"
            | "chief"
            | "executive"
            | "officer"
            | "director"
            | "analyst"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "economist"
            | "strategist"
            | "gen"
            | "gen."
            | "lt"
            | "col"
            | "sgt"
            | "capt"
            | "adm"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "sir"
            | "lord"
            | "lady"
            | "mayor"
            | "commissioner"
            | "deputy"
            | "premier"
            | "prime"
            | "head"
            | "manager"
            | "founder"
            | "co-founder"
            | "attorney"
            | "ambassador"
            | "congressman"
            | "congresswoman"
            | "leader"
            | "former"
            | "acting"
            | "interim"
            | "trader"
            | "general"
            | "counsel"
            | "envoy"
            | "speaker"
            | "emir"
            | "sheikh"
            | "rabbi"
            | "bishop"
            | "cardinal"
            | "father"
            | "detective"
            | "inspector"
            | "superintendent"
            | "partner"
            | "editor"
            | "correspondent"
            | "coach"
            | "captain"
    )
}

/// Heads that make a name or phrase an organisation or a publication.
pub fn is_org_head(w: &str) -> bool {
    matches!(
        w,
        "inc"
            | "inc."
            | "corp"
            | "corp."
            | "corporation"
            | "company"
            | "co"
            | "co."
            | "ltd"
            | "ltd."
            | "plc"
            | "llc"
            | "group"
            | "bank"
            | "association"
            | "department"
            | "ministry"
            | "agency"
            | "times"
            | "post"
            | "journal"
            | "news"
            | "press"
            | "reuters"
            | "agency"
            | "institute"
            | "university"
            | "commission"
            | "council"
            | "exchange"
            | "reserve"
            | "fund"
            | "board"
            | "office"
            | "committee"
            | "party"
            | "government"
            | "court"
            | "service"
            | "network"
            | "telegraph"
            | "guardian"
            | "cnn"
            | "bbc"
            | "afp"
            | "capital"
            | "partners"
            | "securities"
            | "management"
            | "holdings"
            | "industries"
            | "motors"
            | "airlines"
            | "foundation"
            | "union"
            | "federation"
            | "organisation"
            | "organization"
            | "organisations"
            | "organizations"
            | "authority"
            | "administration"
            | "house"
            | "kremlin"
            | "pentagon"
            | "parliament"
            | "congress"
            | "senate"
            | "firm"
            | "website"
            | "statement"
            | "report"
            | "reports"
            | "document"
            | "treasury"
            | "police"
            | "army"
            | "military"
            | "team"
            | "club"
            | "magazine"
            | "television"
            | "radio"
            | "channel"
            | "newspaper"
            | "daily"
            | "herald"
            | "tribune"
            | "gazette"
            | "economist"
            | "bloomberg"
            | "ap"
            | "insider"
            | "apple"
            | "microsoft"
            | "google"
    )
}

/// Plural or collective heads of non-person speakers ("analysts said").
pub fn is_group_head(w: &str) -> bool {
    matches!(
        w,
        "analysts"
            | "officials"
            | "economists"
            | "investors"
            | "reports"
            | "sources"
            | "critics"
            | "customers"
            | "consumers"
            | "experts"
            | "observers"
            | "leaders"
            | "people"
            | "representatives"
            | "executives"
            | "lawmakers"
            | "traders"
            | "residents"
            | "witnesses"
            | "authorities"
            | "scientists"
            | "researchers"
            | "doctors"
            | "activists"
            | "protesters"
            | "charities"
            | "companies"
            | "firms"
            | "banks"
            | "users"
            | "owners"
            | "diplomats"
            | "ministers"
            | "members"
            | "workers"
            | "employees"
            | "insiders"
            | "some"
            | "others"
            | "many"
            | "democrats"
            | "republicans"
            | "strategists"
            | "prosecutors"
            | "regulators"
            | "statistics"
            | "figures"
            | "data"
            | "polls"
            | "studies"
            | "documents"
    )
}

/// Person-denoting common heads ("the minister said", "the insider").
pub fn is_person_role(w: &str) -> bool {
    is_title(w)
        || matches!(
            w,
            "man" | "woman"
                | "insider"
                | "source"
                | "official"
                | "expert"
                | "lawyer"
                | "doctor"
                | "witness"
                | "spokesman"
                | "spokeswoman"
                | "candidate"
                | "actor"
                | "actress"
                | "singer"
                | "star"
                | "player"
                | "resident"
                | "individual"
                | "person"
                | "activist"
                | "author"
                | "scientist"
                | "researcher"
                | "investor"
                | "banker"
                | "owner"
                | "boss"
                | "diplomat"
        )
}

/// Lowercase words that follow a closing quote and start a new clause
/// rather than a cue: they stop the search for a cue after a quote.
pub fn is_clause_breaker(w: &str) -> bool {
    matches!(
        w,
        "but"
            | "while"
            | "whereas"
            | "although"
            | "though"
            | "because"
            | "which"
            | "who"
            | "when"
            | "if"
            | "unless"
            | "so"
    )
}

/// Heads of non-speech words that look like cue subjects but are
/// infinitival or passive reporting ("is said to", "was announced").
pub fn is_passive_aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "was" | "were" | "are" | "been" | "be" | "being" | "get" | "got"
    )
}

/// Participles that end a reported clause after a comma ("…, allowing …").
pub fn is_clause_ending_participle(w: &str) -> bool {
    matches!(
        w,
        "allowing"
            | "ending"
            | "saying"
            | "adding"
            | "citing"
            | "noting"
            | "according"
            | "referring"
            | "arguing"
            | "insisting"
            | "warning"
            | "explaining"
            | "claiming"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_reduce_to_lemmas() {
        assert_eq!(cue_class("announced"), Some(CueClass::Report));
        assert_eq!(cue_class("announces"), Some(CueClass::Report));
        assert_eq!(cue_class("announcing"), Some(CueClass::Report));
        assert_eq!(cue_class("said"), Some(CueClass::Say));
        assert_eq!(cue_class("told"), Some(CueClass::Tell));
        assert_eq!(cue_class("telling"), Some(CueClass::Tell));
        assert_eq!(cue_class("dubbed"), Some(CueClass::Fragment));
        assert_eq!(cue_class("tweeted"), Some(CueClass::Report));
        assert_eq!(cue_class("called"), Some(CueClass::Fragment));
        assert_eq!(cue_class("continued"), Some(CueClass::DirectOnly));
        assert_eq!(cue_class("replied"), Some(CueClass::Report));
    }

    #[test]
    fn cognition_verbs_are_not_cues() {
        for w in ["believe", "believed", "thinks", "expected", "hope", "feared", "knew"] {
            assert_eq!(cue_class(w), None, "{w}");
        }
        for w in ["sad", "stated", "noted"] {
            let _ = cue_class(w);
        }
        assert_eq!(cue_class("sad"), None);
        assert_eq!(cue_class("need"), None);
    }
}
