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

pub use crate::enrich::entities::gazetteer::same_role;
use crate::enrich::entities::gazetteer::{is_known_org_word, is_org_head_word, is_title_word};

#[cfg(test)]
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
    "ask",
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
    "emphasise",
    "emphasize",
    "estimate",
    "explain",
    "forecast",
    "hint",
    "indicate",
    "insist",
    "lament",
    "maintain",
    "mention",
    "note",
    "observe",
    "opine",
    "pledge",
    "point",
    "predict",
    "proclaim",
    "promise",
    "protest",
    "recall",
    "reckon",
    "recommend",
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
    "write",
];

#[cfg(test)]
/// Lemmas of verbs taking an object before the content ("told reporters").
const TELL_LEMMAS: &[&str] = &["assure", "inform", "notify", "remind", "tell"];

#[cfg(test)]
/// Lemmas that only go with direct quotes.
const DIRECT_LEMMAS: &[&str] = &[
    "bark",
    "chant",
    "comment",
    "continue",
    "enthuse",
    "exclaim",
    "fume",
    "growl",
    "gush",
    "interject",
    "interrupt",
    "joke",
    "marvel",
    "muse",
    "quip",
    "read",
    "scoff",
    "scream",
    "shout",
    "sigh",
    "snap",
    "snarl",
    "speak",
    "whisper",
    "yell",
];

#[cfg(test)]
/// Lemmas attributing a quoted fragment only.
const FRAGMENT_LEMMAS: &[&str] = &[
    "accuse",
    "blame",
    "brand",
    "call",
    "condemn",
    "criticise",
    "criticize",
    "decry",
    "describe",
    "dub",
    "hail",
    "label",
    "liken",
    "praise",
    "slam",
    "term",
];

#[cfg(test)]
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
    ("snapped", CueClass::DirectOnly),
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

#[cfg(test)]
fn class_of_lemma(lemma: &str) -> Option<CueClass> {
    // the lists are sorted (checked by a test): binary search per list
    let has = |list: &[&str]| list.binary_search(&lemma).is_ok();
    if has(REPORT_LEMMAS) {
        Some(CueClass::Report)
    } else if has(TELL_LEMMAS) {
        Some(CueClass::Tell)
    } else if has(DIRECT_LEMMAS) {
        Some(CueClass::DirectOnly)
    } else if has(FRAGMENT_LEMMAS) {
        Some(CueClass::Fragment)
    } else {
        None
    }
}

/// Every inflected form of the cue verbs, sorted (generated from the
/// lemma lists above with regular English inflection plus the irregular
/// table; a test checks both agree): one binary search per word.
const FORMS: &[(&str, CueClass)] = &[
    ("accuse", CueClass::Fragment),
    ("accused", CueClass::Fragment),
    ("accuses", CueClass::Fragment),
    ("accusing", CueClass::Fragment),
    ("acknowledge", CueClass::Report),
    ("acknowledged", CueClass::Report),
    ("acknowledges", CueClass::Report),
    ("acknowledging", CueClass::Report),
    ("add", CueClass::Report),
    ("added", CueClass::Report),
    ("adding", CueClass::Report),
    ("adds", CueClass::Report),
    ("admit", CueClass::Report),
    ("admits", CueClass::Report),
    ("admitted", CueClass::Report),
    ("admitting", CueClass::Report),
    ("advise", CueClass::Report),
    ("advised", CueClass::Report),
    ("advises", CueClass::Report),
    ("advising", CueClass::Report),
    ("affirm", CueClass::Report),
    ("affirmed", CueClass::Report),
    ("affirming", CueClass::Report),
    ("affirms", CueClass::Report),
    ("allege", CueClass::Report),
    ("alleged", CueClass::Report),
    ("alleges", CueClass::Report),
    ("alleging", CueClass::Report),
    ("announce", CueClass::Report),
    ("announced", CueClass::Report),
    ("announces", CueClass::Report),
    ("announcing", CueClass::Report),
    ("answer", CueClass::Report),
    ("answered", CueClass::Report),
    ("answering", CueClass::Report),
    ("answers", CueClass::Report),
    ("argue", CueClass::Report),
    ("argued", CueClass::Report),
    ("argues", CueClass::Report),
    ("arguing", CueClass::Report),
    ("ask", CueClass::Report),
    ("asked", CueClass::Report),
    ("asking", CueClass::Report),
    ("asks", CueClass::Report),
    ("assert", CueClass::Report),
    ("asserted", CueClass::Report),
    ("asserting", CueClass::Report),
    ("asserts", CueClass::Report),
    ("assure", CueClass::Tell),
    ("assured", CueClass::Tell),
    ("assures", CueClass::Tell),
    ("assuring", CueClass::Tell),
    ("bark", CueClass::DirectOnly),
    ("barked", CueClass::DirectOnly),
    ("barking", CueClass::DirectOnly),
    ("barks", CueClass::DirectOnly),
    ("blame", CueClass::Fragment),
    ("blamed", CueClass::Fragment),
    ("blames", CueClass::Fragment),
    ("blaming", CueClass::Fragment),
    ("boast", CueClass::Report),
    ("boasted", CueClass::Report),
    ("boasting", CueClass::Report),
    ("boasts", CueClass::Report),
    ("brand", CueClass::Fragment),
    ("branded", CueClass::Fragment),
    ("branding", CueClass::Fragment),
    ("brands", CueClass::Fragment),
    ("call", CueClass::Fragment),
    ("called", CueClass::Fragment),
    ("calling", CueClass::Fragment),
    ("calls", CueClass::Fragment),
    ("caution", CueClass::Report),
    ("cautioned", CueClass::Report),
    ("cautioning", CueClass::Report),
    ("cautions", CueClass::Report),
    ("chant", CueClass::DirectOnly),
    ("chanted", CueClass::DirectOnly),
    ("chanting", CueClass::DirectOnly),
    ("chants", CueClass::DirectOnly),
    ("claim", CueClass::Report),
    ("claimed", CueClass::Report),
    ("claiming", CueClass::Report),
    ("claims", CueClass::Report),
    ("comment", CueClass::DirectOnly),
    ("commented", CueClass::DirectOnly),
    ("commenting", CueClass::DirectOnly),
    ("comments", CueClass::DirectOnly),
    ("complain", CueClass::Report),
    ("complained", CueClass::Report),
    ("complaining", CueClass::Report),
    ("complains", CueClass::Report),
    ("concede", CueClass::Report),
    ("conceded", CueClass::Report),
    ("concedes", CueClass::Report),
    ("conceding", CueClass::Report),
    ("conclude", CueClass::Report),
    ("concluded", CueClass::Report),
    ("concludes", CueClass::Report),
    ("concluding", CueClass::Report),
    ("condemn", CueClass::Fragment),
    ("condemned", CueClass::Fragment),
    ("condemning", CueClass::Fragment),
    ("condemns", CueClass::Fragment),
    ("confirm", CueClass::Report),
    ("confirmed", CueClass::Report),
    ("confirming", CueClass::Report),
    ("confirms", CueClass::Report),
    ("contend", CueClass::Report),
    ("contended", CueClass::Report),
    ("contending", CueClass::Report),
    ("contends", CueClass::Report),
    ("continue", CueClass::DirectOnly),
    ("continued", CueClass::DirectOnly),
    ("continues", CueClass::DirectOnly),
    ("continuing", CueClass::DirectOnly),
    ("criticise", CueClass::Fragment),
    ("criticised", CueClass::Fragment),
    ("criticises", CueClass::Fragment),
    ("criticising", CueClass::Fragment),
    ("criticize", CueClass::Fragment),
    ("criticized", CueClass::Fragment),
    ("criticizes", CueClass::Fragment),
    ("criticizing", CueClass::Fragment),
    ("declare", CueClass::Report),
    ("declared", CueClass::Report),
    ("declares", CueClass::Report),
    ("declaring", CueClass::Report),
    ("decried", CueClass::Fragment),
    ("decries", CueClass::Fragment),
    ("decry", CueClass::Fragment),
    ("decrying", CueClass::Fragment),
    ("denied", CueClass::Report),
    ("denies", CueClass::Report),
    ("deny", CueClass::Report),
    ("denying", CueClass::Report),
    ("describe", CueClass::Fragment),
    ("described", CueClass::Fragment),
    ("describes", CueClass::Fragment),
    ("describing", CueClass::Fragment),
    ("disclose", CueClass::Report),
    ("disclosed", CueClass::Report),
    ("discloses", CueClass::Report),
    ("disclosing", CueClass::Report),
    ("dub", CueClass::Fragment),
    ("dubbed", CueClass::Fragment),
    ("dubbing", CueClass::Fragment),
    ("dubs", CueClass::Fragment),
    ("emphasise", CueClass::Report),
    ("emphasised", CueClass::Report),
    ("emphasises", CueClass::Report),
    ("emphasising", CueClass::Report),
    ("emphasize", CueClass::Report),
    ("emphasized", CueClass::Report),
    ("emphasizes", CueClass::Report),
    ("emphasizing", CueClass::Report),
    ("enthuse", CueClass::DirectOnly),
    ("enthused", CueClass::DirectOnly),
    ("enthuses", CueClass::DirectOnly),
    ("enthusing", CueClass::DirectOnly),
    ("estimate", CueClass::Report),
    ("estimated", CueClass::Report),
    ("estimates", CueClass::Report),
    ("estimating", CueClass::Report),
    ("exclaim", CueClass::DirectOnly),
    ("exclaimed", CueClass::DirectOnly),
    ("exclaiming", CueClass::DirectOnly),
    ("exclaims", CueClass::DirectOnly),
    ("explain", CueClass::Report),
    ("explained", CueClass::Report),
    ("explaining", CueClass::Report),
    ("explains", CueClass::Report),
    ("forecast", CueClass::Report),
    ("forecasted", CueClass::Report),
    ("forecasting", CueClass::Report),
    ("forecasts", CueClass::Report),
    ("fume", CueClass::DirectOnly),
    ("fumed", CueClass::DirectOnly),
    ("fumes", CueClass::DirectOnly),
    ("fuming", CueClass::DirectOnly),
    ("growl", CueClass::DirectOnly),
    ("growled", CueClass::DirectOnly),
    ("growling", CueClass::DirectOnly),
    ("growls", CueClass::DirectOnly),
    ("gush", CueClass::DirectOnly),
    ("gushed", CueClass::DirectOnly),
    ("gushes", CueClass::DirectOnly),
    ("gushing", CueClass::DirectOnly),
    ("hail", CueClass::Fragment),
    ("hailed", CueClass::Fragment),
    ("hailing", CueClass::Fragment),
    ("hails", CueClass::Fragment),
    ("hint", CueClass::Report),
    ("hinted", CueClass::Report),
    ("hinting", CueClass::Report),
    ("hints", CueClass::Report),
    ("indicate", CueClass::Report),
    ("indicated", CueClass::Report),
    ("indicates", CueClass::Report),
    ("indicating", CueClass::Report),
    ("inform", CueClass::Tell),
    ("informed", CueClass::Tell),
    ("informing", CueClass::Tell),
    ("informs", CueClass::Tell),
    ("insist", CueClass::Report),
    ("insisted", CueClass::Report),
    ("insisting", CueClass::Report),
    ("insists", CueClass::Report),
    ("interject", CueClass::DirectOnly),
    ("interjected", CueClass::DirectOnly),
    ("interjecting", CueClass::DirectOnly),
    ("interjects", CueClass::DirectOnly),
    ("interrupt", CueClass::DirectOnly),
    ("interrupted", CueClass::DirectOnly),
    ("interrupting", CueClass::DirectOnly),
    ("interrupts", CueClass::DirectOnly),
    ("joke", CueClass::DirectOnly),
    ("joked", CueClass::DirectOnly),
    ("jokes", CueClass::DirectOnly),
    ("joking", CueClass::DirectOnly),
    ("label", CueClass::Fragment),
    ("labeled", CueClass::Fragment),
    ("labeling", CueClass::Fragment),
    ("labels", CueClass::Fragment),
    ("lament", CueClass::Report),
    ("lamented", CueClass::Report),
    ("lamenting", CueClass::Report),
    ("laments", CueClass::Report),
    ("liken", CueClass::Fragment),
    ("likened", CueClass::Fragment),
    ("likening", CueClass::Fragment),
    ("likens", CueClass::Fragment),
    ("maintain", CueClass::Report),
    ("maintained", CueClass::Report),
    ("maintaining", CueClass::Report),
    ("maintains", CueClass::Report),
    ("marvel", CueClass::DirectOnly),
    ("marveled", CueClass::DirectOnly),
    ("marveling", CueClass::DirectOnly),
    ("marvelled", CueClass::DirectOnly),
    ("marvelling", CueClass::DirectOnly),
    ("marvels", CueClass::DirectOnly),
    ("mention", CueClass::Report),
    ("mentioned", CueClass::Report),
    ("mentioning", CueClass::Report),
    ("mentions", CueClass::Report),
    ("muse", CueClass::DirectOnly),
    ("mused", CueClass::DirectOnly),
    ("muses", CueClass::DirectOnly),
    ("musing", CueClass::DirectOnly),
    ("note", CueClass::Report),
    ("noted", CueClass::Report),
    ("notes", CueClass::Report),
    ("notified", CueClass::Tell),
    ("notifies", CueClass::Tell),
    ("notify", CueClass::Tell),
    ("notifying", CueClass::Tell),
    ("noting", CueClass::Report),
    ("observe", CueClass::Report),
    ("observed", CueClass::Report),
    ("observes", CueClass::Report),
    ("observing", CueClass::Report),
    ("opine", CueClass::Report),
    ("opined", CueClass::Report),
    ("opines", CueClass::Report),
    ("opining", CueClass::Report),
    ("pledge", CueClass::Report),
    ("pledged", CueClass::Report),
    ("pledges", CueClass::Report),
    ("pledging", CueClass::Report),
    ("point", CueClass::Report),
    ("pointed", CueClass::Report),
    ("pointing", CueClass::Report),
    ("points", CueClass::Report),
    ("praise", CueClass::Fragment),
    ("praised", CueClass::Fragment),
    ("praises", CueClass::Fragment),
    ("praising", CueClass::Fragment),
    ("predict", CueClass::Report),
    ("predicted", CueClass::Report),
    ("predicting", CueClass::Report),
    ("predicts", CueClass::Report),
    ("proclaim", CueClass::Report),
    ("proclaimed", CueClass::Report),
    ("proclaiming", CueClass::Report),
    ("proclaims", CueClass::Report),
    ("promise", CueClass::Report),
    ("promised", CueClass::Report),
    ("promises", CueClass::Report),
    ("promising", CueClass::Report),
    ("protest", CueClass::Report),
    ("protested", CueClass::Report),
    ("protesting", CueClass::Report),
    ("protests", CueClass::Report),
    ("quip", CueClass::DirectOnly),
    ("quipped", CueClass::DirectOnly),
    ("quipping", CueClass::DirectOnly),
    ("quips", CueClass::DirectOnly),
    ("read", CueClass::DirectOnly),
    ("readed", CueClass::DirectOnly),
    ("reading", CueClass::DirectOnly),
    ("reads", CueClass::DirectOnly),
    ("recall", CueClass::Report),
    ("recalled", CueClass::Report),
    ("recalling", CueClass::Report),
    ("recalls", CueClass::Report),
    ("reckon", CueClass::Report),
    ("reckoned", CueClass::Report),
    ("reckoning", CueClass::Report),
    ("reckons", CueClass::Report),
    ("recommend", CueClass::Report),
    ("recommended", CueClass::Report),
    ("recommending", CueClass::Report),
    ("recommends", CueClass::Report),
    ("reiterate", CueClass::Report),
    ("reiterated", CueClass::Report),
    ("reiterates", CueClass::Report),
    ("reiterating", CueClass::Report),
    ("remark", CueClass::Report),
    ("remarked", CueClass::Report),
    ("remarking", CueClass::Report),
    ("remarks", CueClass::Report),
    ("remind", CueClass::Tell),
    ("reminded", CueClass::Tell),
    ("reminding", CueClass::Tell),
    ("reminds", CueClass::Tell),
    ("repeat", CueClass::Report),
    ("repeated", CueClass::Report),
    ("repeating", CueClass::Report),
    ("repeats", CueClass::Report),
    ("replied", CueClass::Report),
    ("replies", CueClass::Report),
    ("reply", CueClass::Report),
    ("replying", CueClass::Report),
    ("report", CueClass::Report),
    ("reported", CueClass::Report),
    ("reporting", CueClass::Report),
    ("reports", CueClass::Report),
    ("respond", CueClass::Report),
    ("responded", CueClass::Report),
    ("responding", CueClass::Report),
    ("responds", CueClass::Report),
    ("retort", CueClass::Report),
    ("retorted", CueClass::Report),
    ("retorting", CueClass::Report),
    ("retorts", CueClass::Report),
    ("reveal", CueClass::Report),
    ("revealed", CueClass::Report),
    ("revealing", CueClass::Report),
    ("reveals", CueClass::Report),
    ("said", CueClass::Say),
    ("say", CueClass::Say),
    ("saying", CueClass::Say),
    ("says", CueClass::Say),
    ("scoff", CueClass::DirectOnly),
    ("scoffed", CueClass::DirectOnly),
    ("scoffing", CueClass::DirectOnly),
    ("scoffs", CueClass::DirectOnly),
    ("scream", CueClass::DirectOnly),
    ("screamed", CueClass::DirectOnly),
    ("screaming", CueClass::DirectOnly),
    ("screams", CueClass::DirectOnly),
    ("shout", CueClass::DirectOnly),
    ("shouted", CueClass::DirectOnly),
    ("shouting", CueClass::DirectOnly),
    ("shouts", CueClass::DirectOnly),
    ("sigh", CueClass::DirectOnly),
    ("sighed", CueClass::DirectOnly),
    ("sighing", CueClass::DirectOnly),
    ("sighs", CueClass::DirectOnly),
    ("signal", CueClass::Report),
    ("signaled", CueClass::Report),
    ("signaling", CueClass::Report),
    ("signals", CueClass::Report),
    ("slam", CueClass::Fragment),
    ("slammed", CueClass::Fragment),
    ("slamming", CueClass::Fragment),
    ("slams", CueClass::Fragment),
    ("snap", CueClass::DirectOnly),
    ("snapped", CueClass::DirectOnly),
    ("snapping", CueClass::DirectOnly),
    ("snaps", CueClass::DirectOnly),
    ("snarl", CueClass::DirectOnly),
    ("snarled", CueClass::DirectOnly),
    ("snarling", CueClass::DirectOnly),
    ("snarls", CueClass::DirectOnly),
    ("speak", CueClass::DirectOnly),
    ("speaked", CueClass::DirectOnly),
    ("speaking", CueClass::DirectOnly),
    ("speaks", CueClass::DirectOnly),
    ("spoke", CueClass::DirectOnly),
    ("spoken", CueClass::DirectOnly),
    ("state", CueClass::Report),
    ("stated", CueClass::Report),
    ("states", CueClass::Report),
    ("stating", CueClass::Report),
    ("stress", CueClass::Report),
    ("stressed", CueClass::Report),
    ("stresses", CueClass::Report),
    ("stressing", CueClass::Report),
    ("suggest", CueClass::Report),
    ("suggested", CueClass::Report),
    ("suggesting", CueClass::Report),
    ("suggests", CueClass::Report),
    ("tell", CueClass::Tell),
    ("telled", CueClass::Tell),
    ("telling", CueClass::Tell),
    ("tells", CueClass::Tell),
    ("term", CueClass::Fragment),
    ("termed", CueClass::Fragment),
    ("terming", CueClass::Fragment),
    ("terms", CueClass::Fragment),
    ("testified", CueClass::Report),
    ("testifies", CueClass::Report),
    ("testify", CueClass::Report),
    ("testifying", CueClass::Report),
    ("threaten", CueClass::Report),
    ("threatened", CueClass::Report),
    ("threatening", CueClass::Report),
    ("threatens", CueClass::Report),
    ("told", CueClass::Tell),
    ("tweet", CueClass::Report),
    ("tweeted", CueClass::Report),
    ("tweeting", CueClass::Report),
    ("tweets", CueClass::Report),
    ("underline", CueClass::Report),
    ("underlined", CueClass::Report),
    ("underlines", CueClass::Report),
    ("underlining", CueClass::Report),
    ("vow", CueClass::Report),
    ("vowed", CueClass::Report),
    ("vowing", CueClass::Report),
    ("vows", CueClass::Report),
    ("warn", CueClass::Report),
    ("warned", CueClass::Report),
    ("warning", CueClass::Report),
    ("warns", CueClass::Report),
    ("whisper", CueClass::DirectOnly),
    ("whispered", CueClass::DirectOnly),
    ("whispering", CueClass::DirectOnly),
    ("whispers", CueClass::DirectOnly),
    ("write", CueClass::Report),
    ("writed", CueClass::Report),
    ("writes", CueClass::Report),
    ("writing", CueClass::Report),
    ("written", CueClass::Report),
    ("wrote", CueClass::Report),
    ("yell", CueClass::DirectOnly),
    ("yelled", CueClass::DirectOnly),
    ("yelling", CueClass::DirectOnly),
    ("yells", CueClass::DirectOnly),
];

/// Slots of the open-addressing table over [`FORMS`] (a power of two,
/// well above twice the number of forms).
const SLOTS: usize = 1024;

/// FNV-1a, usable in `const` context.
const fn fnv1a(b: &[u8]) -> u32 {
    let mut h = 0x811c_9dc5_u32;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

/// Hash table of form indices, built at compile time: one hash and
/// usually one comparison per lookup (this runs for every word).
const TABLE: [u16; SLOTS] = {
    let mut t = [u16::MAX; SLOTS];
    let mut i = 0;
    while i < FORMS.len() {
        let mut slot = (fnv1a(FORMS[i].0.as_bytes()) as usize) & (SLOTS - 1);
        while t[slot] != u16::MAX {
            slot = (slot + 1) & (SLOTS - 1);
        }
        t[slot] = i as u16;
        i += 1;
    }
    t
};

/// The cue class of a lowercased word form, if it is a speech verb.
pub fn cue_class(w: &str) -> Option<CueClass> {
    if w.len() < 3 || w.len() > 16 {
        return None;
    }
    let mut slot = (fnv1a(w.as_bytes()) as usize) & (SLOTS - 1);
    loop {
        let idx = *TABLE.get(slot)?;
        let &(form, class) = FORMS.get(usize::from(idx))?;
        if form == w {
            return Some(class);
        }
        slot = (slot + 1) & (SLOTS - 1);
    }
}

/// Lemmas whose base and `-s` forms are more often nouns ("a signal",
/// "sticky notes", "an initial forecast"): as verbs they need a subject
/// right before them.
pub fn is_nouny_form(w: &str) -> bool {
    const NOUNY: &[&str] = &[
        "signal",
        "report",
        "claim",
        "estimate",
        "forecast",
        "promise",
        "pledge",
        "comment",
        "answer",
        "reply",
        "note",
        "tweet",
        "state",
        "point",
        "hint",
        "protest",
        "vow",
        "warning",
        "statement",
        "remark",
        "repeat",
        "stress",
        "counter",
        "call",
        "blame",
        "label",
        "term",
        "brand",
        "praise",
        "read",
        "joke",
        "testify",
        "admit",
    ];
    NOUNY.contains(&w) || w.strip_suffix('s').is_some_and(|b| NOUNY.contains(&b))
}

/// Nouns for what someone says or puts out in words ("her remarks", "his
/// rhetoric", "the senator's advice", "Roe's website"), beyond the speech
/// nouns of [`is_nouny_form`] and the documents of [`is_document_noun`]:
/// such a possession speaks for its possessor.
pub fn is_words_noun(w: &str) -> bool {
    is_nouny_form(w)
        || is_document_noun(w)
        || matches!(
            w,
            "words"
                | "rhetoric"
                | "language"
                | "wording"
                | "message"
                | "messages"
                | "advice"
                | "tips"
                | "argument"
                | "arguments"
                | "attack"
                | "attacks"
                | "criticism"
                | "view"
                | "views"
                | "account"
                | "website"
                | "site"
                | "page"
                | "feed"
                | "blog"
                | "interview"
                | "conference"
                | "briefing"
                | "address"
        )
}

/// Question words opening an embedded question ("would not say whether …").
pub fn is_wh(w: &str) -> bool {
    matches!(
        w,
        "whether" | "if" | "what" | "how" | "why" | "when" | "where" | "who" | "which" | "whom"
    )
}

/// Words opening a relative clause after a comma ("…, where", "…, whose"):
/// the clause describes the noun phrase before the comma.
pub fn is_relative_word(w: &str) -> bool {
    matches!(w, "where" | "which" | "who" | "whom" | "whose")
}

/// Modals: "it must be noted that" is not a report.
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
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "every"
            | "each"
            | "no"
            | "any"
    )
}

/// Nouns naming a day or a stretch of time ("Monday", "night", "week"):
/// the head of a time adjunct ("on Monday", "last week"). [`is_time_word`]
/// adds the adverbs.
pub fn is_time_noun(w: &str) -> bool {
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
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "weekend"
            | "month"
            | "year"
    )
}

/// Whether `w` (lowercased) is the `-ing` form (a participle like "saying").
pub fn is_ing(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing")
}

/// -ing words that modify a title or role inside a noun phrase ("the
/// ranking member", "acting director", "outgoing Senator"), not verbs.
pub fn is_title_participle(w: &str) -> bool {
    matches!(
        w,
        "ranking"
            | "acting"
            | "outgoing"
            | "incoming"
            | "presiding"
            | "founding"
            | "managing"
            | "governing"
            | "sitting"
            | "retiring"
            | "visiting"
    )
}

/// Irregular past participles of verbs of getting and reading a document
/// ("seen by", "written by"); regular ones end in -ed.
pub fn is_irregular_participle(w: &str) -> bool {
    matches!(
        w,
        "seen"
            | "written"
            | "given"
            | "sent"
            | "read"
            | "shown"
            | "taken"
            | "made"
            | "got"
            | "gotten"
    )
}

/// Lowercase particles inside personal names ("Ludwig van Beethoven").
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "del"
            | "della"
            | "di"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "bin"
            | "al"
            | "el"
    )
}

/// Elected offices whose holders a party-member description ("the Utah
/// Republican") stands for: a title before a name ("Rep. Jane Roe",
/// "Gov. Roe") says the person is a party's politician.
pub fn is_elected_office(w: &str) -> bool {
    matches!(
        w,
        "senator"
            | "representative"
            | "governor"
            | "congressman"
            | "congresswoman"
            | "congressmember"
            | "assemblyman"
            | "assemblywoman"
            | "assemblymember"
            | "lawmaker"
            | "legislator"
            | "mayor"
            | "delegate"
    )
}

/// Nouns for a member of a party (`crate::enrich::parties`) or camp ("the
/// Ohio Republican", "a Tory").
pub fn is_party_member(w: &str) -> bool {
    crate::enrich::parties::by_member(w).is_some()
        || matches!(
            w,
            "conservative"
                | "liberal"
                | "libertarian"
                | "progressive"
                | "tory"
                | "socialist"
                | "centrist"
        )
}

/// Quantity words before a noun ("many", "a dozen", "several"); not the
/// floating "both" and "all" ("the two sides both say").
pub fn is_quantifier(w: &str) -> bool {
    matches!(
        w,
        "many"
            | "few"
            | "several"
            | "some"
            | "dozen"
            | "dozens"
            | "numerous"
            | "multiple"
            | "various"
            | "more"
            | "fewer"
            | "most"
    )
}

/// Quantity words that stand alone as a subject, their set left to the
/// text around ("One said", "Another added", "Others argue", "Both say").
pub fn is_bare_quantity(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "another"
            | "others"
            | "some"
            | "both"
            | "many"
            | "most"
            | "several"
            | "each"
            | "few"
    )
}

/// Indefinite pronouns that head a source phrase of their own
/// ("someone familiar with the talks", "anyone who reads it"): a noun
/// phrase's head, never a word to skip on the way to one.
pub fn is_indefinite_pronoun(w: &str) -> bool {
    matches!(
        w,
        "someone" | "somebody" | "anyone" | "anybody" | "everyone" | "everybody" | "nobody"
    )
}

/// Focus adverbs that may open a sentence before its subject ("Even the
/// organizers said", "Only the mayor knew"): they pick out the subject,
/// they are no part of its name.
pub fn is_focus_adverb(w: &str) -> bool {
    matches!(
        w,
        "even" | "only" | "just" | "merely" | "especially" | "particularly"
    )
}

/// An adverb in -ly ("recently", "nationally"), not one of the nouns
/// with that ending ("the Roe family", "the Ohio assembly").
pub fn is_ly_adverb(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ly")
        && !is_group_head(w)
        && !matches!(w, "family" | "assembly" | "supply" | "monopoly" | "anomaly")
}

/// Adverbs of place ("nationwide", "here", "abroad"): they say where,
/// never who.
pub fn is_place_adverb(w: &str) -> bool {
    w.len() > 6 && w.ends_with("wide")
        || matches!(
            w,
            "here" | "there" | "elsewhere" | "abroad" | "overseas" | "nearby" | "locally"
        )
}

/// Connective and framing adverbs, and the prepositions and verbs that
/// open a sentence before its subject ("Instead, he …", "Therefore,
/// analysts …", "Among those who said …", "Let me say …"): a closed class
/// of words that never name who speaks.
pub fn is_sentence_adverb(w: &str) -> bool {
    matches!(
        w,
        "instead"
            | "therefore"
            | "thus"
            | "hence"
            | "indeed"
            | "moreover"
            | "furthermore"
            | "nevertheless"
            | "nonetheless"
            | "otherwise"
            | "besides"
            | "likewise"
            | "consequently"
            | "accordingly"
            | "rather"
            | "perhaps"
            | "maybe"
            | "anyway"
            | "regardless"
            | "overall"
            | "altogether"
            | "among"
            | "amid"
            | "amidst"
            | "absent"
            | "inside"
            | "outside"
            | "within"
            | "throughout"
            | "across"
            | "alongside"
            | "toward"
            | "towards"
            | "beyond"
            | "despite"
            | "unlike"
            | "like"
            | "let"
            | "late"
            | "back"
    )
}

/// Adjectives that follow the noun they describe with a complement of
/// their own ("a source close to the mayor", "people familiar with the
/// talks", "an aide privy to the plan"): the noun before them heads the
/// phrase, the noun after their preposition is only its object.
pub fn is_postnominal_adjective(w: &str) -> bool {
    matches!(
        w,
        "close" | "closest" | "familiar" | "loyal" | "privy" | "knowledgeable" | "sympathetic"
    )
}

/// Prepositions and possessive marks that make the name after them an
/// object, not the subject of its clause ("wrote to Roe", "Acme's Roe").
pub fn is_object_marker(w: &str) -> bool {
    matches!(
        w,
        "to" | "with"
            | "by"
            | "about"
            | "against"
            | "from"
            | "for"
            | "of"
            | "at"
            | "on"
            | "in"
            | "than"
            | "'"
            | "’"
            | "'s"
            | "’s"
    )
}

/// Participles between a document and its issuer ("a letter signed by").
pub fn is_issue_participle(w: &str) -> bool {
    matches!(
        w,
        "signed" | "sent" | "issued" | "released" | "written" | "filed" | "submitted" | "drafted"
    )
}

/// The role noun a title abbreviation before a name stands for ("Sen. Jane
/// Roe" is a senator), without its dot.
pub fn title_abbreviation(w: &str) -> Option<&'static str> {
    Some(match w {
        "sen" => "senator",
        "gov" => "governor",
        "rep" => "representative",
        "gen" => "general",
        "adm" => "admiral",
        "atty" => "attorney",
        "supt" => "superintendent",
        _ => return None,
    })
}

/// Adjectives that point back at a document already mentioned rather than
/// set a second one apart ("a report … the new report said").
pub fn is_anaphoric_adjective(w: &str) -> bool {
    matches!(
        w,
        "new" | "latest" | "recent" | "same" | "full" | "entire" | "whole" | "original"
    )
}

/// Verbs of memory and hearing whose object is the speaker of the
/// participle after it ("recalled his father telling him …", "heard
/// the pilot say …"): the words are the object's, not the subject's.
pub fn is_recall_verb(w: &str) -> bool {
    matches!(
        w,
        "recall"
            | "recalls"
            | "recalled"
            | "recalling"
            | "remember"
            | "remembers"
            | "remembered"
            | "remembering"
            | "hear"
            | "hears"
            | "heard"
            | "hearing"
            | "overheard"
    )
}

/// Subject pronouns that can be speakers.
pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "you")
}

/// The plural and bare forms of "be", "have" and "do" ("are", "were",
/// "don't"): a singular subject takes none of them, so "that are …" opens
/// no clause of a demonstrative "that".
pub fn is_plural_or_bare_aux(w: &str) -> bool {
    matches!(
        w,
        "are" | "were" | "have" | "do" | "aren't" | "weren't" | "haven't" | "don't"
    )
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

/// Determiners and quantifiers that open a noun phrase: the pure
/// determiners plus those that can also stand alone ("some", "many").
pub fn is_determiner(w: &str) -> bool {
    is_pure_determiner(w)
        || matches!(
            w,
            "that"
                | "some"
                | "many"
                | "most"
                | "several"
                | "other"
                | "all"
                | "both"
                | "few"
                | "one"
                | "two"
                | "three"
                | "more"
                | "much"
        )
}

/// Prepositions that may extend a speaker noun phrase to the right
/// ("staff at several Acme stores", "Jane Roe of …").
pub fn is_np_preposition(w: &str) -> bool {
    matches!(w, "of" | "at" | "for" | "from" | "with" | "in")
}

/// Words that end a left-scanned subject: conjunctions, relative words,
/// prepositions and verbs that cannot sit inside a subject noun phrase.
pub fn is_left_barrier(w: &str) -> bool {
    is_subordinator(w)
        || matches!(
            w,
            "and"
                | "but"
                | "or"
                | "nor"
                | "so"
                | "yet"
                | "that"
                | "which"
                | "what"
                | "who"
                | "whom"
                | "whose"
                | "where"
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

/// Conjunctions that open an adverbial clause ("When Doe left, …",
/// "Although Roe won, …").
pub fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "while"
            | "after"
            | "before"
            | "because"
            | "since"
            | "although"
            | "though"
            | "if"
            | "as"
            | "once"
            | "until"
            | "unless"
            | "whereas"
    )
}

/// Adverbs and auxiliaries that may sit between a subject and its speech
/// verb ("Roe has also said", "Doe later said").
pub fn is_preverbal(w: &str) -> bool {
    matches!(
        w,
        "long"
            | "also"
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
            | "soon"
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
            | "only"
            | "merely"
            | "often"
            | "never"
            | "always"
            | "may"
            | "might"
            | "could"
            | "can"
            | "not"
    )
}

/// Time words that may follow a speech verb before its content
/// ("said Tuesday that", "announced today").
pub fn is_time_word(w: &str) -> bool {
    is_time_noun(w)
        || matches!(
            w,
            "earlier"
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
/// ("US Labor Secretary Jane Roe" -> "Jane Roe"): the entity lexicon's
/// titles (`data/entities/lexicon/person_titles.txt`), plus the role nouns
/// of [`ROLE_TITLES`]. A modifier ("Former", "Vice") goes with the title
/// after it.
pub fn is_title(w: &str) -> bool {
    is_title_word(w) || ROLE_TITLES.contains(&w)
}

/// Offices a place or court has one holder of at a time, so that "a
/// judge" or "a governor" set indefinitely may be the one the article
/// names with that title: elected offices and judicial ones.
pub fn is_single_holder_office(w: &str) -> bool {
    is_elected_office(w)
        || matches!(
            w,
            "judge" | "justice" | "magistrate" | "prosecutor" | "sheriff"
        )
}

/// Nouns of a relation of rivalry ("his opponent", "Roe's challenger"):
/// the person running against the possessor.
pub fn is_rival_noun(w: &str) -> bool {
    matches!(
        w,
        "opponent" | "rival" | "challenger" | "competitor" | "adversary"
    )
}

/// Nouns that can be the source of words ("the memo that said", "according
/// to the union"): words and documents, persons, groups, organisations and
/// someone's own people. A capitalized name can too; the caller checks it.
pub fn is_source_noun(w: &str) -> bool {
    is_words_noun(w)
        || is_person_noun(w)
        || is_group_head(w)
        || is_org_head(w)
        || is_associate_head(w)
}

/// Heads of a phrase for someone's own people or body, who speak for
/// themselves and for that someone: "his campaign", "her lawyers", "his
/// wife", "her press secretary" (any title), "his chief aide".
pub fn is_associate_head(w: &str) -> bool {
    crate::enrich::entities::KINSHIP.contains(&w)
        || is_title(w)
        || matches!(
            w,
            "campaign"
                | "team"
                | "office"
                | "staff"
                | "camp"
                | "aide"
                | "aides"
                | "adviser"
                | "advisers"
                | "advisor"
                | "advisors"
                | "attorney"
                | "attorneys"
                | "lawyer"
                | "lawyers"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "spokespeople"
                | "supporters"
                | "backers"
                | "allies"
                | "ally"
                | "family"
                | "friend"
                | "friends"
                | "colleague"
                | "colleagues"
                | "physician"
                | "doctor"
        )
}

/// Role nouns that also stand before a name in news ("Opposition leader
/// Jane Roe", "Father John Doe") but are no titles for the entity
/// tagger's `person_titles.txt` (a candidate for it at the next retraining).
const ROLE_TITLES: &[&str] = &[
    "chair",
    "clerk",
    "father",
    "head",
    "leader",
    "partner",
    "supervisor",
    "trader",
];

/// Heads that make a name or phrase an organisation or a publication: the
/// entity lexicon's organization heads (`org_heads.txt`) and one-word
/// organizations (`known.tsv`), plus the source nouns and publication
/// words of [`SOURCE_HEADS`].
pub fn is_org_head(w: &str) -> bool {
    is_org_head_word(w) || is_known_org_word(w) || SOURCE_HEADS.contains(&w)
}

/// Common nouns for a source that speaks as an organisation ("the
/// statement said", "the firm said") and publication words ("The Daily
/// …"), which `org_heads.txt` does not hold (publication words are a
/// candidate for it at the next retraining).
const SOURCE_HEADS: &[&str] = &[
    "channel",
    "daily",
    "document",
    "economist",
    "express",
    "firm",
    "house",
    "independent",
    "insider",
    "management",
    "military",
    "mirror",
    "newspaper",
    "organisations",
    "register",
    "report",
    "reports",
    "statement",
    "website",
];

/// Nouns for a written, issued or spoken document ("the letter", "a
/// memo", "the filing", "her remarks", "the testimony"): as the subject of a cue it speaks for whoever issued it, which
/// the text often says ("Roe's letter", "an Acme statement", "a letter
/// from Roe"). A plural ("the filings") is the same document kind.
pub fn is_document_noun(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|b| b.len() > 2).unwrap_or(w);
    DOCUMENT_NOUNS.contains(&w)
}

/// The singulars [`is_document_noun`] knows.
const DOCUMENT_NOUNS: &[&str] = &[
    "ad",
    "affidavit",
    "analysis",
    "audit",
    "biography",
    "book",
    "brief",
    "column",
    "comment",
    "complaint",
    "declaration",
    "deposition",
    "disclosure",
    "document",
    "e-mail",
    "editorial",
    "email",
    "filing",
    "form",
    "indictment",
    "lawsuit",
    "letter",
    "memo",
    "memoir",
    "memorandum",
    "motion",
    "petition",
    "platform",
    "post",
    "release",
    "remark",
    "report",
    "research",
    "speech",
    "statement",
    "study",
    "suit",
    "summary",
    "testimony",
    "tweet",
];

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
            | "groups"
            | "companies"
            | "firms"
            | "banks"
            | "unions"
            | "agencies"
            | "governments"
            | "countries"
            | "nations"
            | "organizations"
            | "campaigns"
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

/// Whether an organization named `name` can be what a definite phrase
/// with the head `head` takes up: "the agency" is no court and "the
/// court" no agency, so a head that says the kind of body needs a name
/// of that kind ("the committee" for the "Ways and Means Committee",
/// "the agency" for an agency, a bureau or an acronym). Heads that say no
/// kind ("the company", "the group") fit every name. `head` is
/// "editorial" for an editorial board, the board of a newspaper.
pub fn org_kind_fits(head: &str, name: &str) -> bool {
    let kinds: &[&str] = match head {
        "agency" => &[
            "agency",
            "bureau",
            "service",
            "administration",
            "authority",
            "commission",
            "department",
        ],
        "bureau" => &["bureau", "agency"],
        "court" => &["court", "tribunal"],
        "committee" | "subcommittee" => &["committee", "subcommittee", "panel"],
        "panel" => &["panel", "committee", "commission", "board"],
        "commission" => &["commission", "board", "committee"],
        "board" => &["board", "commission", "committee"],
        "council" => &["council"],
        "department" | "ministry" => &["department", "ministry"],
        "administration" => &["administration", "house"],
        // "the government" is a country's or a city's, which the tagger
        // names as a place: only a name that says "government" fits
        "government" | "regime" => &["government", "regime"],
        "campaign" => &["campaign"],
        // a newspaper and its editorial board by the words of its title
        "newspaper" | "paper" | "editorial" => &[
            "journal",
            "times",
            "post",
            "news",
            "herald",
            "tribune",
            "leader",
            "sentinel",
            "gazette",
            "globe",
            "daily",
            "press",
            "chronicle",
            "inquirer",
            "observer",
            "examiner",
            "register",
            "courier",
            "dispatch",
            "star",
            "record",
            "telegraph",
            "guardian",
            "independent",
            "mail",
        ],
        "party" => &[
            "party",
            "democrats",
            "republicans",
            "gop",
            "dnc",
            "rnc",
            "committee",
        ],
        // a head that says a kind of body by itself ("the foundation",
        // "the institute") takes up only a name of that kind: "the
        // foundation said" after "Acme Corp." and "the Roe Foundation"
        // is the foundation
        h => match KIND_HEADS.iter().position(|k| *k == h) {
            Some(i) => &KIND_HEADS[i..=i],
            None => return true,
        },
    };
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| crate::text::lowercase(w).into_owned())
        .collect();
    // an acronym may be an agency or a bureau ("the FBI", "the EPA")
    let acronym = words.len() == 1
        && name.len() >= 2
        && name.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    words.iter().any(|w| kinds.contains(&w.as_str())) || acronym && kinds.contains(&"bureau")
}

/// Organization heads that say the kind of body, which a name taken up
/// by "the" and the head must also say ([`org_kind_fits`]); the heads
/// that fit any organization ("the company", "the group", "the firm")
/// are not here, nor heads often said of a name without them ("the
/// network" for an acronym, "the university" for "Yale", "the union"
/// for the "Teamsters").
const KIND_HEADS: &[&str] = &[
    "academy",
    "alliance",
    "association",
    "center",
    "centre",
    "coalition",
    "federation",
    "foundation",
    "institute",
    "society",
];

/// Collective nouns whose "of" phrase names the members ("a chorus of
/// senators", "an army of volunteers", "a handful of donors"): the
/// phrase is plural, and its members are who speak.
pub fn is_collective(w: &str) -> bool {
    matches!(
        w,
        "army"
            | "band"
            | "bunch"
            | "chorus"
            | "coalition"
            | "crowd"
            | "group"
            | "handful"
            | "host"
            | "number"
            | "majority"
            | "minority"
            | "slew"
            | "team"
            | "hundreds"
            | "thousands"
            | "millions"
            | "dozens"
            | "couple"
    )
}

/// Plural heads a "they" takes up as people ("the aides", "officials",
/// "Ohio senators"): group heads for people, and the plural of a person
/// noun or party member ("advisers", "Democrats").
pub fn is_plural_person_head(w: &str) -> bool {
    // the group heads that are documents and findings, not people
    let not_people =
        is_document_noun(w) || is_data_noun(w) || matches!(w, "figures" | "some" | "many");
    let stem = w
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| w.strip_suffix('s').map(str::to_string));
    !not_people
        && (is_group_head(w)
            || stem.is_some_and(|s| s.len() > 2 && (is_person_noun(&s) || is_party_member(&s)))
            || matches!(
                w,
                "supporters" | "voters" | "advisers" | "advisors" | "aides" | "delegates"
            ))
}

/// Person-denoting common heads ("the minister said", "the insider").
pub fn is_person_role(w: &str) -> bool {
    is_title(w)
        || matches!(
            w,
            "man"
                | "woman"
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

/// Common nouns that denote a person, beyond the roles of
/// [`is_person_role`]: what someone does or is ("the businessman", "the
/// billionaire", "the front-runner", "the 46-year-old", "the activist").
/// A definite phrase with such a head in a cue's subject stands for a
/// person the text has already named. Never a group, a document or a
/// place: those heads are not here.
pub fn is_person_noun(w: &str) -> bool {
    // "-man"/"-woman"/"-person" compounds ("businessman", "chairwoman",
    // "radioman"), "-ist" agent nouns ("activist", "strategist"), and ages
    // used as nouns ("the 46-year-old")
    let compound = w.len() > 5
        && (w.ends_with("man") || w.ends_with("person") || w.ends_with("ist"))
        && !NOT_PERSON_COMPOUNDS.contains(&w);
    // agent compounds of a noun and "-checker", "-watcher", "-goer",
    // "-seeker" ("fact-checker", "poll watcher", "churchgoer",
    // "asylum-seeker"): the suffix alone names a person only with a
    // first part before it
    let agent = AGENT_SUFFIXES.iter().any(|s| {
        w.strip_suffix(s)
            .is_some_and(|first| first.trim_end_matches('-').len() > 2)
    });
    is_person_role(w)
        || compound
        || agent
        || w.ends_with("-year-old")
        || PERSON_DESCRIPTORS.contains(&w)
}

/// Second parts of compounds that name a person by what they do (see
/// [`is_person_noun`]).
const AGENT_SUFFIXES: &[&str] = &["checker", "watcher", "goer", "seeker"];

/// Words ending like a person compound that are none.
const NOT_PERSON_COMPOUNDS: &[&str] = &[
    "assist",
    "checklist",
    "german",
    "playlist",
    "shaman",
    "ottoman",
    "persist",
    "resist",
    "shortlist",
    "watchlist",
    "wishlist",
];

/// Person nouns by occupation or standing that news uses to take up a
/// person it has named ("the tycoon", "the incumbent", "the rival"). Not
/// the roles an event gives someone it has not named ("the moderator",
/// "the heckler", "the driver", "the victim"): such a phrase introduces a
/// new person and is itself the description a reader needs.
const PERSON_DESCRIPTORS: &[&str] = &[
    "ally",
    "billionaire",
    "celebrity",
    "challenger",
    "comedian",
    "commentator",
    "confidant",
    "contender",
    "developer",
    "donor",
    "entrepreneur",
    "executive",
    "filmmaker",
    "front-runner",
    "frontrunner",
    "hacker",
    "heir",
    "heiress",
    "hopeful",
    "incumbent",
    "inventor",
    "journalist",
    "magnate",
    "millionaire",
    "mogul",
    "opponent",
    "physician",
    "politician",
    "preacher",
    "producer",
    "rival",
    "staffer",
    "surgeon",
    "tycoon",
    "veteran",
    "widow",
    "writer",
];

/// The gender a person noun says ("the businesswoman", "the widow",
/// "the boy"), if any: `Some(true)` female, `Some(false)` male.
pub fn person_noun_is_female(w: &str) -> Option<bool> {
    const FEMALE: &[&str] = &[
        "actress",
        "daughter",
        "girl",
        "grandmother",
        "heiress",
        "mother",
        "widow",
        "wife",
    ];
    const MALE: &[&str] = &["boy", "father", "grandfather", "husband", "son"];
    if w.ends_with("woman") || FEMALE.contains(&w) {
        Some(true)
    } else if w.ends_with("man") && !NOT_PERSON_COMPOUNDS.contains(&w) || MALE.contains(&w) {
        Some(false)
    } else {
        None
    }
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

/// Verbs that report a reply or an interruption only with their particle
/// ("Roe shot back", "Doe chimed in", "Poe cut in"): alone they are
/// rarely speech ("shot a film", "cut taxes", "broke the record").
pub fn is_phrasal_cue(verb: &str, particle: &str) -> bool {
    match particle {
        "back" => matches!(
            verb,
            "shot" | "shoots" | "shooting" | "fired" | "fires" | "firing"
        ),
        "in" => matches!(
            verb,
            "chimed"
                | "chimes"
                | "chiming"
                | "cut"
                | "cuts"
                | "cutting"
                | "broke"
                | "breaks"
                | "breaking"
                | "jumped"
                | "jumps"
        ),
        _ => false,
    }
}

/// Verbs that press a question only when nothing follows them but the
/// quotation ("“And then?” Roe pressed."); with an object or a particle
/// they are no speech ("pressed the point", "pressed on with").
pub fn is_bare_cue(w: &str) -> bool {
    matches!(w, "pressed" | "presses" | "pressing")
}

/// Prepositions that open a phrase in a cue's tail ("said to cheers",
/// "told reporters on Monday", "asked in an interview"), and the topic
/// ones ("said of the plan", "asked about the vote"): what the words were
/// about, never the content of a new statement.
pub fn opens_cue_phrase(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "via"
            | "to"
            | "with"
            | "from"
            | "of"
            | "about"
    )
}

/// Prepositions naming what a cue's words were about ("said of the
/// plan", "asked about the vote"): their object is a noun phrase that
/// may carry its own complement ("about Roe's bid to win the county").
pub fn is_topic_preposition(w: &str) -> bool {
    matches!(w, "of" | "about")
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

/// Participles of putting a question to someone or reaching them for
/// comment: "when asked about …", "when reached by phone" is the writer's
/// frame around the person questioned, never words that person said.
pub fn is_questioned_participle(w: &str) -> bool {
    matches!(
        w,
        "asked"
            | "pressed"
            | "questioned"
            | "challenged"
            | "queried"
            | "quizzed"
            | "confronted"
            | "reached"
            | "contacted"
            | "interviewed"
            | "approached"
    )
}

/// Participles used as prepositions ("including", "following"): after a
/// comma they go on with the clause before, not with a new verb phrase.
pub fn is_prepositional_participle(w: &str) -> bool {
    matches!(
        w,
        "including"
            | "excluding"
            | "regarding"
            | "concerning"
            | "following"
            | "considering"
            | "barring"
            | "pending"
            | "according"
            | "notwithstanding"
    )
}

/// Nouns for a named work, program or event ("the show", "his book", "a
/// slogan"): a title-case quotation right after one is its title, not
/// anybody's statement.
pub fn is_work_noun(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|b| b.len() > 3).unwrap_or(w);
    matches!(
        w,
        "book"
            | "memoir"
            | "biography"
            | "collection"
            | "anthology"
            | "poem"
            | "sitcom"
            | "exhibition"
            | "novel"
            | "film"
            | "movie"
            | "documentary"
            | "show"
            | "program"
            | "programme"
            | "series"
            | "serie"
            | "episode"
            | "segment"
            | "broadcast"
            | "podcast"
            | "column"
            | "op-ed"
            | "essay"
            | "article"
            | "editorial"
            | "piece"
            | "song"
            | "album"
            | "play"
            | "musical"
            | "slogan"
            | "motto"
            | "hashtag"
            | "headline"
            | "title"
            | "ad"
            | "advert"
            | "advertisement"
            | "commercial"
            | "spot"
            | "video"
            | "website"
            | "blog"
            | "newsletter"
            | "magazine"
            | "forum"
            | "tour"
            | "initiative"
            | "campaign"
            | "summit"
            | "rally"
            | "conference"
            | "festival"
            | "gala"
            | "parade"
            | "concert"
            | "telethon"
            | "fundraiser"
    )
}

/// Nouns for advertising ("an ad titled “…”", "a campaign video"): its
/// title is its sponsor's message, unlike a book's or a column's.
pub fn is_ad_noun(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|b| b.len() > 1).unwrap_or(w);
    matches!(
        w,
        "ad" | "advert" | "advertisement" | "commercial" | "spot" | "video"
    )
}

/// Participles that name what comes after them ("a film called", "a
/// group nicknamed"): with a title-case quotation they give a name, not a
/// statement. ("titled" is left out: a memo's or an ad's title is its
/// author's statement.)
pub fn is_naming_participle(w: &str) -> bool {
    matches!(
        w,
        "called" | "named" | "dubbed" | "nicknamed" | "billed" | "labeled" | "labelled" | "branded"
    )
}

/// Nouns for things that carry a printed slogan ("a sign reading “…”", "a
/// T-shirt that said “…”"): the words are a label, nobody's statement.
pub fn is_sign_noun(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|b| b.len() > 2).unwrap_or(w);
    matches!(
        w,
        "sign"
            | "shirt"
            | "t-shirt"
            | "banner"
            | "placard"
            | "poster"
            | "hat"
            | "cap"
            | "sticker"
            | "bumper-sticker"
            | "button"
            | "billboard"
            | "mug"
            | "jersey"
            | "sweatshirt"
            | "hoodie"
    )
}

/// Short function words that stay lowercase inside a title ("The Night
/// Show with Jane Roe", "Notes from Home") although they have four letters.
pub fn is_title_function_word(w: &str) -> bool {
    matches!(
        w,
        "with" | "from" | "into" | "onto" | "over" | "upon" | "about"
    )
}

/// Nouns for words a crowd voices ("chants of “…”", "cries of “…”"): the
/// quotation after them is what was said, not a title.
pub fn is_chant_noun(w: &str) -> bool {
    matches!(
        w,
        "chant" | "chants" | "cry" | "cries" | "shout" | "shouts" | "chorus" | "roar" | "calls"
    )
}

/// Words that make a number approximate ("about 40", "some 300",
/// "nearly half"): they open the phrase the number counts.
pub fn is_approximator(w: &str) -> bool {
    matches!(
        w,
        "about" | "around" | "some" | "roughly" | "nearly" | "almost" | "over" | "approximately"
    )
}

/// Participles of voicing a cry ("chanting", "yelling"): the words come
/// from whoever acts in the clause the participle closes, even a
/// subordinate one ("… where a crowd had gathered, chanting “…”"), not
/// from the sentence's main subject, as a reporting participle's do
/// ("Roe left, saying …").
pub fn is_outcry_participle(w: &str) -> bool {
    matches!(
        w,
        "chanting" | "shouting" | "yelling" | "screaming" | "exclaiming"
    )
}

/// Words that negate the verb after them ("did not say", "never
/// admitted", "didn't confirm"): the verb reports no statement.
pub fn is_negator(w: &str) -> bool {
    matches!(w, "not" | "never" | "without" | "nor") || w.ends_with("n't") || w.ends_with("n’t")
}

/// Verbs taking an infinitive whose speech act does not happen
/// ("refused to say", "declined to confirm", "failed to mention").
pub fn is_refusal_verb(w: &str) -> bool {
    matches!(
        w,
        "refuse"
            | "refused"
            | "refuses"
            | "refusing"
            | "decline"
            | "declined"
            | "declines"
            | "declining"
            | "fail"
            | "failed"
            | "fails"
            | "failing"
            | "unwilling"
            | "unable"
            | "reluctant"
    )
}

/// Verbs that ask someone else to speak ("dared him to say", "urged the
/// mayor to declare"): the infinitive's speech act is wanted, not made.
pub fn is_directive_verb(w: &str) -> bool {
    matches!(
        w,
        "dare"
            | "dared"
            | "dares"
            | "daring"
            | "challenge"
            | "challenged"
            | "challenges"
            | "challenging"
            | "ask"
            | "asked"
            | "asks"
            | "asking"
            | "urge"
            | "urged"
            | "urges"
            | "urging"
            | "press"
            | "pressed"
            | "presses"
            | "pressing"
            | "pressure"
            | "pressured"
            | "pressures"
            | "pressuring"
            | "invite"
            | "invited"
            | "invites"
            | "inviting"
            | "encourage"
            | "encouraged"
            | "encourages"
            | "encouraging"
            | "implore"
            | "implored"
            | "implores"
            | "imploring"
            | "beg"
            | "begged"
            | "begs"
            | "begging"
            | "want"
            | "wanted"
            | "wants"
            | "wanting"
    )
}

/// Verbs of wishing ("I hope the council says …"): speech hoped for is
/// no statement.
pub fn is_wish_verb(w: &str) -> bool {
    matches!(
        w,
        "hope"
            | "hopes"
            | "hoped"
            | "hoping"
            | "wish"
            | "wishes"
            | "wished"
            | "wishing"
            // "expects that voters will say …": a forecast of speech
            | "expect"
            | "expects"
            | "expected"
            | "expecting"
    )
}

/// Verbs of inference: with a document, data or the writer as subject
/// ("the memo suggests that …", "the figures indicate that …") they
/// report a conclusion drawn, not a statement made.
pub fn is_inference_verb(w: &str) -> bool {
    matches!(
        w,
        "suggest"
            | "suggests"
            | "suggested"
            | "suggesting"
            | "indicate"
            | "indicates"
            | "indicated"
            | "indicating"
            | "signal"
            | "signals"
            | "signaled"
            | "signalled"
            | "signaling"
            | "signalling"
            | "hint"
            | "hints"
            | "hinted"
            | "hinting"
            | "imply"
            | "implies"
            | "implied"
            | "implying"
    )
}

/// Nouns for opinion polls ("a new poll", "exit polls", "the survey",
/// "the polling average"): their results are data, not anybody's
/// statement.
pub fn is_poll_noun(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|b| b.len() > 3).unwrap_or(w);
    matches!(w, "poll" | "survey" | "polling" | "exit-poll")
}

/// Nouns for data and findings ("the figures", "early results", "a field
/// test", "the average"): as the source of reported content they give
/// measurements, not statements.
pub fn is_data_noun(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|b| b.len() > 3).unwrap_or(w);
    is_poll_noun(w)
        || matches!(
            w,
            "data"
                | "statistic"
                | "result"
                | "finding"
                | "research"
                | "analysis"
                | "test"
                | "average"
                | "estimate"
                | "projection"
                | "model"
                | "trend"
                | "tally"
                | "census"
                | "evidence"
                | "record"
                | "study"
                | "studie"
        )
}

/// Fixed phrases that link a sentence to the one before.
const CONNECTIVE_PHRASES: &[&[&str]] = &[
    &["after", "all"],
    &["as", "a", "result"],
    &["at", "the", "same", "time"],
    &["by", "contrast"],
    &["even", "so"],
    &["for", "example"],
    &["for", "instance"],
    &["if", "anything"],
    &["in", "addition"],
    &["in", "any", "case"],
    &["in", "contrast"],
    &["in", "fact"],
    &["in", "short"],
    &["in", "the", "end"],
    &["in", "turn"],
    &["of", "course"],
    &["on", "the", "other", "hand"],
    &["that", "said"],
    &["to", "be", "sure"],
    &["what's", "more"],
    &["what’s", "more"],
];

/// The number of words of the discourse connective opening `words`
/// (lowercase): a word or fixed phrase that links a sentence to the one
/// before ("But", "Now", "After all", "That said") and says nothing by
/// itself; 0 when none opens it.
pub fn connective_len(words: &[&str]) -> usize {
    if let Some(p) = CONNECTIVE_PHRASES
        .iter()
        .find(|p| words.len() >= p.len() && words[..p.len()] == ***p)
    {
        return p.len();
    }
    let single = words.first().is_some_and(|w| {
        matches!(
            *w,
            "and"
                | "but"
                | "or"
                | "so"
                | "yet"
                | "now"
                | "still"
                | "then"
                | "also"
                | "however"
                | "because"
                | "instead"
                | "indeed"
                | "meanwhile"
                | "moreover"
                | "besides"
                | "furthermore"
                | "thus"
                | "therefore"
                | "hence"
                | "otherwise"
                | "anyway"
                | "nonetheless"
                | "nevertheless"
                | "though"
                | "although"
                | "plus"
                | "again"
                | "well"
                | "finally"
                | "first"
                | "second"
                | "third"
                | "similarly"
                | "likewise"
                | "rather"
                | "regardless"
        )
    });
    usize::from(single)
}

/// Labels of lines that are no body text: teasers, cross-references and
/// captions set before a colon ("PLUS: …", "READ MORE: …", "Watch: …",
/// "Photo: …"), lowercased, one or two words.
pub fn is_teaser_label(w: &str) -> bool {
    matches!(
        w,
        "plus"
            | "more"
            | "read"
            | "read more"
            | "also read"
            | "read also"
            | "see"
            | "see also"
            | "related"
            | "related coverage"
            | "watch"
            | "video"
            | "listen"
            | "photo"
            | "photos"
            | "caption"
            | "credit"
            | "photo credit"
            | "inside"
            | "opinion"
            | "trending"
            | "recommended"
            | "subscribe"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_compounds_name_people_but_their_suffix_alone_does_not() {
        for w in [
            "fact-checker",
            "churchgoer",
            "asylum-seeker",
            "poll-watcher",
        ] {
            assert!(is_person_noun(w), "{w}");
        }
        assert!(is_plural_person_head("fact-checkers"));
        for w in ["checker", "seeker", "goer"] {
            assert!(!is_person_noun(w), "{w}");
        }
    }

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
    fn forms_are_sorted_and_cover_every_lemma() {
        assert!(FORMS.windows(2).all(|w| w[0].0 < w[1].0));
        for &(form, class) in FORMS {
            assert_eq!(cue_class(form), Some(class), "{form}");
        }
        for (list, class) in [
            (REPORT_LEMMAS, CueClass::Report),
            (TELL_LEMMAS, CueClass::Tell),
            (DIRECT_LEMMAS, CueClass::DirectOnly),
            (FRAGMENT_LEMMAS, CueClass::Fragment),
        ] {
            for lemma in list {
                assert_eq!(class_of_lemma(lemma), Some(class), "{lemma}");
                assert!(cue_class(lemma).is_some(), "{lemma}");
            }
        }
    }

    #[test]
    fn irregular_forms_are_generated() {
        for &(form, class) in IRREGULAR {
            assert_eq!(cue_class(form), Some(class), "{form}");
        }
    }

    #[test]
    fn lemma_lists_are_sorted_for_binary_search() {
        for list in [REPORT_LEMMAS, TELL_LEMMAS, DIRECT_LEMMAS, FRAGMENT_LEMMAS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn connectives_are_words_and_fixed_phrases() {
        assert_eq!(connective_len(&["that", "said", "it"]), 2);
        assert_eq!(connective_len(&["but", "it"]), 1);
        assert_eq!(connective_len(&["the", "plan"]), 0);
        assert_eq!(connective_len(&["in", "the", "city"]), 0);
        assert_eq!(connective_len(&[]), 0);
    }

    #[test]
    fn cognition_verbs_are_not_cues() {
        for w in [
            "believe", "believed", "thinks", "expected", "hope", "feared", "knew",
        ] {
            assert_eq!(cue_class(w), None, "{w}");
        }
        for w in ["sad", "stated", "noted"] {
            let _ = cue_class(w);
        }
        assert_eq!(cue_class("sad"), None);
        assert_eq!(cue_class("need"), None);
    }
}
