//! Quotations that name or label rather than report: titles of works and
//! programs ("appeared on ABC's “Morning Chat”", "a film called “Rivers
//! Run”"), and terms the writer sets apart ("so-called “green bonds”").
//!
//! Such marks are nobody's statement. A quotation is a label only when
//! its context says so: "so-called" labels whatever follows; a title-case
//! span needs a possessive, a noun for a work, a naming participle or a
//! preposition before it. A lowercase partial quote after a verb and its
//! object ("called the deal “a disaster”") stays a statement, and so does
//! a title-case sentence, a chant ("chants of “…”") or an exclamation.
//! The title given to a memo or an ad ("a memo titled “…”") is kept: it is
//! its author's statement, and the gold counts it as one.

use super::lexicon;
use super::marks::Quoted;
use super::phrase::View;

/// Whether quotation `q` is a title or a label rather than a statement.
pub fn is_label(v: &View<'_, '_>, q: &Quoted) -> bool {
    // the title line is all capitals: the headline rules decide there
    if q.open < v.title_line_end || q.open == 0 {
        return false;
    }
    after_so_called(v, q)
        || agentless_naming(v, q)
        || on_a_sign(v, q)
        || title_case(v, q) && (names_a_title(v, q) || credits_a_work(v, q))
}

/// The words after the closing mark credit a work: its author ("“Long
/// Roads,” by Jane Roe") or an appositive naming what it is ("“Harbor
/// Nights,” the late-night radio show").
fn credits_a_work(v: &View<'_, '_>, q: &Quoted) -> bool {
    let Some(close) = q.close else {
        return false;
    };
    let mut k = close + 1;
    // the comma may sit inside the marks ("“Long Roads,” by …")
    if v.s(k) == "," {
        k += 1;
    }
    if v.low(k) == "by" && v.is_word(k + 1) && v.cap(k + 1) && !v.in_quote(k + 1) {
        return true;
    }
    let comma_before = v.s(k - 1) == "," || q.end > q.first && v.s(q.end - 1) == ",";
    if !comma_before || !lexicon::is_pure_determiner(&v.low(k)) {
        return false;
    }
    // "“…,” an HBO series", "“…,” the kitschy horror series that …"
    (k + 1..k + 6)
        .take_while(|&j| v.is_word(j) && !v.in_quote(j) && !v.verbish(j))
        .any(|j| lexicon::is_work_noun(&v.low(j)))
}

/// "what is often called “X”", "a practice known as “X”", "the plan was
/// dubbed “X”": a name given by nobody in particular (no "by" agent after
/// it), whatever its case.
fn agentless_naming(v: &View<'_, '_>, q: &Quoted) -> bool {
    let Some(mut p) = q.open.checked_sub(1) else {
        return false;
    };
    // "was dubbed the “X”": an article between the participle and the name
    if p > 0 && lexicon::is_pure_determiner(&v.low(p)) && !v.in_quote(p) {
        p -= 1;
    }
    let w = v.low(p);
    let naming = lexicon::is_naming_participle(&w) || matches!(w.as_ref(), "termed");
    // "known as “X”"
    let known_as = w == "as" && p > 0 && v.low(p - 1) == "known";
    if !(naming || known_as) || v.in_quote(p) {
        return false;
    }
    let mut k = if known_as { p - 1 } else { p };
    // adverbs between: "is often called", "what's today typically called"
    while k > 0 && k + 4 > p && {
        let a = v.low(k - 1);
        v.is_word(k - 1)
            && !v.cap(k - 1)
            && (a.len() > 4 && a.ends_with("ly")
                || matches!(a.as_ref(), "now" | "today" | "also" | "often" | "sometimes"))
    } {
        k -= 1;
    }
    let passive = k > 0 && {
        let a = v.low(k - 1);
        lexicon::is_passive_aux(&a) || matches!(a.as_ref(), "'s" | "’s" | "what's" | "what’s")
    };
    // "a practice known as “X”" needs no auxiliary
    let agent = q
        .close
        .is_some_and(|c| v.low(c + 1) == "by" || v.s(c + 1) == "," && v.low(c + 2) == "by");
    (passive || known_as) && !agent
}

/// "a sign reading “X”", "a T-shirt that said “X”", "banners saying: “X”":
/// a slogan printed on something.
pub fn on_a_sign(v: &View<'_, '_>, q: &Quoted) -> bool {
    let mut p = q.open;
    while p > 0 && matches!(v.s(p - 1), ":" | ",") {
        p -= 1;
    }
    let Some(verb) = p.checked_sub(1) else {
        return false;
    };
    if !matches!(
        v.low(verb).as_ref(),
        "read" | "reads" | "reading" | "said" | "says" | "saying"
    ) {
        return false;
    }
    // the carrier right before the verb or before "that"/"which"
    let mut n = verb;
    if n > 0 && matches!(v.low(n - 1).as_ref(), "that" | "which") {
        n -= 1;
    }
    // a lowercase noun: "New Jersey said “…”" is a place speaking
    n > 0 && v.is_word(n - 1) && !v.cap(n - 1) && lexicon::is_sign_noun(&v.low(n - 1))
}

/// "an editorial entitled “…”", "a column titled, “…”": the quotation is
/// the title of a piece of writing or a program, whatever its case, and
/// nobody's statement. (An ad's or a memo's title stays its author's
/// statement: the gold counts it.)
pub fn titled_work(v: &View<'_, '_>, q: &Quoted) -> bool {
    let mut p = q.open;
    if p > 0 && v.s(p - 1) == "," {
        p -= 1;
    }
    let Some(w) = p.checked_sub(1) else {
        return false;
    };
    if v.in_quote(w) || !matches!(v.low(w).as_ref(), "titled" | "entitled") {
        return false;
    }
    let mut n = w;
    if n > 0 && v.s(n - 1) == "," {
        n -= 1;
    }
    n > 0 && v.is_word(n - 1) && !v.in_quote(n - 1) && {
        let noun = v.low(n - 1);
        lexicon::is_work_noun(&noun) && !lexicon::is_ad_noun(&noun)
    }
}

/// Whether `q` is listed right after the label `prev` ("starred in “Show
/// One” and “Show Two”"): a title-case quotation joined to it by "and",
/// "or", a comma or a correction's "not" ("it was ABC's “Show One,” not
/// “Show Two”") is a label too.
pub fn listed_after_label(v: &View<'_, '_>, prev: &Quoted, q: &Quoted) -> bool {
    let Some(close) = prev.close else {
        return false;
    };
    let gap = close + 1..q.open;
    // "“Show One,” “Show Two”": the list comma may sit inside the marks
    let comma_inside = prev.end > prev.first && v.s(prev.end - 1) == ",";
    (!gap.is_empty() || comma_inside)
        && gap.len() <= 2
        && gap
            .clone()
            .all(|k| matches!(v.low(k).as_ref(), "," | "and" | "or" | "not"))
        && title_case(v, q)
}

/// "so-called “X”", "so-called Mexican “X”": the writer's distance from a
/// term, whoever coined it.
fn after_so_called(v: &View<'_, '_>, q: &Quoted) -> bool {
    let mut k = q.open;
    // up to two modifiers between ("so-called Mexican “X”")
    for _ in 0..3 {
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        if matches!(
            v.low(p).as_ref(),
            "so-called" | "self-described" | "self-styled" | "self-proclaimed"
        ) {
            return true;
        }
        if p >= 2 && v.s(p - 1) == "-" {
            let (a, b) = (v.low(p - 2), v.low(p));
            if a == "so" && b == "called"
                || a == "self" && matches!(b.as_ref(), "described" | "styled" | "proclaimed")
            {
                return true;
            }
        }
        if !v.is_word(p) || v.in_quote(p) {
            return false;
        }
        k = p;
    }
    false
}

/// Whether the quoted words are set in title case: a capital first word,
/// every word of four letters or more capitalized, no sentence break
/// inside, at most ten words, and no closing exclamation (a chant, "Lock
/// them up!", is said).
fn title_case(v: &View<'_, '_>, q: &Quoted) -> bool {
    title_case_words(v, q.first, q.end)
}

/// [`title_case`] for the quoted words `first..end`.
pub fn title_case_words(v: &View<'_, '_>, first: usize, end: usize) -> bool {
    if end > first && v.s(end - 1) == "!" {
        return false;
    }
    let mut words = 0;
    let mut last = first;
    for k in first..end {
        if v.is_word(k) {
            words += 1;
            last = k;
            let long_lower = v.s(k).chars().count() >= 4
                && !v.cap(k)
                && !lexicon::is_title_function_word(&v.low(k));
            if words == 1 && !v.cap(k) || long_lower {
                return false;
            }
        }
    }
    // a sentence mark before the last word: a sentence, not a title
    let inner_break = (first..last).any(|k| matches!(v.s(k), "." | "!" | "?") && v.is_terminal(k));
    (1..=10).contains(&words) && !inner_break
}

/// The context before the opening mark names a title: a possessive
/// ("ABC's “…”"), a noun for a work, optionally with a comma ("his book,
/// “…”"), a naming participle after a noun ("a film called “…”", "known
/// as “…”"), a preposition ("on “…”", "in “…”", "from “…”"), or the
/// addressee slot of "told"/"to".
fn names_a_title(v: &View<'_, '_>, q: &Quoted) -> bool {
    let mut p = q.open - 1;
    if matches!(v.s(p), "'s" | "’s") {
        return true;
    }
    if v.s(p) == "," && p > 0 {
        p -= 1;
    }
    let w = v.low(p);
    if !v.is_word(p) || v.in_quote(p) {
        return false;
    }
    // "the “Open Roads” plan", "backed the “Fair Share Pledge”": a name
    // after the article, unless a naming verb just before gives it as
    // somebody's words ("dubbed it the “…”")
    if w == "the" && p == q.open - 1 {
        let words = (q.first..q.end).filter(|&k| v.is_word(k)).count();
        let last = q.end.saturating_sub(1);
        // ("a group called the “…”" names it: the participle follows
        // its noun, as in "a film called “…”")
        let named_by_cue = (p.saturating_sub(3)..p)
            .any(|k| v.cue_at(k).is_some() && !naming_participle_after_noun(v, k));
        return words <= 4 && !v.is_terminal(last) && !named_by_cue;
    }
    // "during a “Harbor Unity Forum”", "at a “Fix the Port” rally": after
    // "a"/"an" the name is a label only when a noun for an event, a show or
    // a programme ends it or follows it ("called it a “Total Mess”" stays
    // said)
    if matches!(w.as_ref(), "a" | "an") && p == q.open - 1 {
        let last_word = (q.first..q.end).rev().find(|&k| v.is_word(k));
        let after = q.close.map(|c| c + 1);
        return last_word.is_some_and(|k| lexicon::is_work_noun(&v.low(k)))
            || after.is_some_and(|k| {
                v.is_word(k) && !v.cap(k) && !v.in_quote(k) && lexicon::is_work_noun(&v.low(k))
            });
    }
    if lexicon::is_work_noun(&w) {
        return true;
    }
    // "told “Morning Desk”", "speaking to “Morning Desk”": the one
    // addressed, never the words said (those follow the addressee)
    if p == q.open - 1 && matches!(w.as_ref(), "told" | "tells" | "tell" | "telling" | "to") {
        return true;
    }
    if p == q.open - 1 && matches!(w.as_ref(), "on" | "in" | "of" | "from" | "with") {
        // "chants of “…”" report what a crowd said
        return !(w == "of" && p > 0 && lexicon::is_chant_noun(&v.low(p - 1)));
    }
    if w == "as" {
        return p > 0 && v.low(p - 1) == "known";
    }
    // "a film called “…”": the participle follows its noun; "Roe called
    // “…”" or "what Roe called “…”" has a subject, and stays a quote
    if p == q.open - 1 {
        return naming_participle_after_noun(v, p);
    }
    false
}

/// Whether token `p` is a naming participle right after a lowercase noun
/// ("a film called", "a group dubbed"), not a verb with a subject ("Roe
/// called", "they called", "what is called").
fn naming_participle_after_noun(v: &View<'_, '_>, p: usize) -> bool {
    if p == 0 || !lexicon::is_naming_participle(&v.low(p)) {
        return false;
    }
    let before = v.low(p - 1);
    v.is_word(p - 1)
        && !v.cap(p - 1)
        && !v.in_quote(p - 1)
        && !lexicon::is_subject_pronoun(&before)
        && !lexicon::is_aux(&before)
        && !lexicon::is_wh(&before)
}

#[cfg(test)]
mod tests {
    use super::super::tests::texts;

    #[test]
    fn titles_after_a_possessive_or_a_work_noun_are_not_statements() {
        let body = "“We will cut the levy,” Jane Roe told KXYZ's “Evening Desk.” \
                    She wrote in her memoir, “Long Roads Home,” that she grew up poor. \
                    Roe also backed a radio series called “Harbor Voices” last year. \
                    “It will pass,” Roe told “Evening Desk.”";
        assert_eq!(texts(body), vec!["We will cut the levy,", "It will pass,"]);
    }

    #[test]
    fn a_name_after_the_and_titles_listed_with_a_title_are_labels() {
        let body = "Backers of the “Clean Harbor” pledge met on Monday. \
                    Roe has appeared in “River Town” and “Night Shift,” two shows.";
        assert!(texts(body).is_empty(), "{:?}", texts(body));
        // a naming verb before the article gives the words to its subject
        let body = "Mayor John Doe dubbed it the “Plan To Nowhere” on Monday.";
        assert_eq!(texts(body), vec!["Plan To Nowhere"]);
    }

    #[test]
    fn an_event_or_programme_name_after_a_or_an_is_a_label() {
        let body = "“We will cut the levy,” Jane Roe said on Monday. \
                    She spoke during a “Harbor Unity Forum” in the old mill. \
                    Poe joined her at a “Fix the Port” rally the next day. \
                    The pair also hosted an “Evening With Neighbors” program.";
        assert_eq!(texts(body), vec!["We will cut the levy,"]);
        // without an event noun the words stay the speaker's
        let body = "Mayor John Doe called the plan a “Total Mess” on Monday.";
        assert_eq!(texts(body), vec!["Total Mess"]);
    }

    #[test]
    fn so_called_terms_are_not_statements() {
        let body = "The council backs so-called “green bonds” and the so-called river “buffer zones” for towns.";
        assert!(texts(body).is_empty(), "{:?}", texts(body));
    }

    #[test]
    fn agentless_names_slogans_and_self_descriptions_are_labels() {
        let body = "Jane Roe backs what is often called “green finance” in town. \
                    The council adopted a rule known as “pay as you go” on Monday. \
                    The levy was dubbed “the rain tax” last year. \
                    Fans wore shirts that read “Roe For Mayor” on Monday. \
                    One man held a sign reading “fix the roads” at the rally. \
                    Roe, a self-described “policy nerd,” spoke for an hour. \
                    Roe spoke in an interview with “Morning Talk with Jim Doe.” \
                    Roe continued to portray “illegal” parking as a crime.";
        assert!(texts(body).is_empty(), "{:?}", texts(body));
        // a name with its speaker stays that speaker's words
        let body = "Mayor John Doe called the levy “the rain tax” on Monday.";
        assert_eq!(texts(body), vec!["the rain tax"]);
    }

    #[test]
    fn partial_quotes_and_chants_stay_statements() {
        let body = "Mayor John Doe called the deal “a disaster” on Monday. \
                    Doe said on Tuesday that the plan was “Dead On Arrival.” \
                    The hall rang with chants of “Fix The Roads!” before he spoke.";
        let got = texts(body);
        assert!(got.iter().any(|q| q == "a disaster"), "{got:?}");
        assert!(got.iter().any(|q| q.contains("Dead On Arrival")), "{got:?}");
        assert!(got.iter().any(|q| q == "Fix The Roads!"), "{got:?}");
    }

    #[test]
    fn a_title_credited_to_its_author_or_described_after_it_is_a_label() {
        let body = "“We will cut the levy,” Jane Roe said on Monday. \
                    Her favorite, “Harbor Lights,” by Tom Poe, is about a port. \
                    The council will revive “River Nights,” the old radio series. \
                    “Night Shift,” a cable drama, ends in May. \
                    The press will print “Harbor Years,” a biography of the mayor. \
                    It was KXYZ's “Dock Talk,” not “Port Talk.”";
        assert_eq!(texts(body), vec!["We will cut the levy,"]);
    }

    #[test]
    fn an_agentless_name_after_an_article_and_a_listed_title_are_labels() {
        let body = "“We will cut the levy,” Jane Roe said on Monday. \
                    Roe has been called the “Iron Lady of the Port” for years. \
                    The fund will be dubbed the “Harbor Fund” and opens in May. \
                    She had roles in “Long Night,” “Short Day,” and “Blue River Town,” before politics.";
        assert_eq!(texts(body), vec!["We will cut the levy,"]);
    }

    #[test]
    fn a_sign_saying_its_slogan_is_no_speaker() {
        let body = "“We will cut the levy,” Jane Roe said on Monday. \
                    One man held up a sign saying “Fix Our Roads Now” at the rally. \
                    Others carried placards saying, “No new levy.” \
                    Officials in New Jersey said, “We back the levy.”";
        assert_eq!(
            texts(body),
            vec!["We will cut the levy,", "We back the levy."]
        );
    }

    #[test]
    fn the_title_of_a_column_or_an_editorial_is_no_statement() {
        let body = "“We will cut the levy,” Jane Roe said on Monday. \
                    Her aides praised the editorial, entitled “Roe Is Right About the Levy,” when it ran. \
                    The Ledger answered with a second piece, entitled “The levy is not too high. It is too late.” \
                    Fans can read a blog article titled \"Why the Levy Vote Was Rigged.\"";
        assert_eq!(texts(body), vec!["We will cut the levy,"]);
        // an ad's title is its sponsor's message
        let body = "The Roe campaign released an ad titled “Why Roe Will Fix Our Roads.”";
        assert_eq!(texts(body), vec!["Why Roe Will Fix Our Roads."]);
    }

    #[test]
    fn a_memo_title_stays_its_authors_statement() {
        let body = "The campaign manager sent a memo titled “Why We Will Win the State.” \
                    It went to donors.";
        assert_eq!(texts(body), vec!["Why We Will Win the State."]);
    }
}
