//! Unit and property tests of the entities stage.

use super::*;
use proptest::prelude::*;

fn stage() -> &'static EntitiesStage {
    static STAGE: std::sync::OnceLock<EntitiesStage> = std::sync::OnceLock::new();
    STAGE.get_or_init(EntitiesStage::new)
}

fn run(body: &str) -> Vec<Entity> {
    stage().extract(&Text::analyze(body))
}

fn mentions(ents: &[Entity]) -> Vec<(String, EntityType)> {
    let mut v: Vec<(usize, String, EntityType)> = ents
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(move |m| (m.start, m.text.clone(), e.kind))
        })
        .collect();
    v.sort_by_key(|x| x.0);
    v.into_iter().map(|(_, t, k)| (t, k)).collect()
}

fn seed_body() -> String {
    let raw = include_str!("../../../data/samples/seed.txt");
    raw.split_once('\n')
        .map(|(_, b)| b.to_string())
        .unwrap_or_default()
}

fn entity<'a>(ents: &'a [Entity], name: &str) -> &'a Entity {
    ents.iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}: {ents:#?}"))
}

#[test]
fn seed_persons_are_one_entity_each() {
    let body = seed_body();
    let ents = run(&body);
    for (name, surname) in [
        ("Donald Trump", "Trump"),
        ("Volodymyr Zelensky", "Zelensky"),
        ("Scott Bessent", "Bessent"),
    ] {
        let e = entity(&ents, name);
        assert_eq!(e.kind, EntityType::Person);
        // Every mention of the surname in the body sits under this one entity.
        let expected = body.matches(surname).count();
        assert_eq!(e.mentions.len(), expected, "{name}: {:?}", e.mentions);
        let others = ents
            .iter()
            .filter(|o| o.id != e.id)
            .flat_map(|o| &o.mentions)
            .filter(|m| m.text.contains(surname))
            .count();
        assert_eq!(others, 0, "{surname} split across entities");
    }
    let bessent = entity(&ents, "Scott Bessent");
    assert!(
        bessent.roles.iter().any(|r| r == "US Treasury Secretary"),
        "{:?}",
        bessent.roles
    );
    let zel = entity(&ents, "Volodymyr Zelensky");
    assert!(
        zel.roles.iter().any(|r| r == "Ukrainian President"),
        "{:?}",
        zel.roles
    );
    // Titles are not part of person mentions.
    assert!(zel.mentions.iter().all(|m| !m.text.contains("President")));
    let trump = entity(&ents, "Donald Trump");
    assert!(
        trump
            .references
            .iter()
            .any(|m| m.text.ends_with("US President")),
        "{trump:?}"
    );
}

#[test]
fn seed_names_and_types() {
    let ents = run(&seed_body());
    let m = mentions(&ents);
    for (t, k) in [
        ("CNN", EntityType::Organization),
        ("The Telegraph", EntityType::Organization),
        ("US Treasury", EntityType::Organization),
        ("Kyiv", EntityType::Location),
        ("Munich", EntityType::Location),
        ("Ukraine", EntityType::Location),
        ("Air Force One", EntityType::Misc),
        ("Ukrainian", EntityType::Misc),
    ] {
        assert!(
            m.contains(&(t.to_string(), k)),
            "missing {t} {k:?} in {m:?}"
        );
    }
    for bad in ["However", "The", "Otherwise", "His", "During", "Wednesday"] {
        assert!(!m.iter().any(|(t, _)| t == bad), "tagged {bad}");
    }
}

#[test]
fn hyphens_possessives_particles_initials() {
    let m = mentions(&run(
        "The Ukraine-US deal was signed in Ukraine's capital. Ursula von der Leyen met George W. Bush at J.P. Morgan.",
    ));
    let texts: Vec<&str> = m.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        texts.contains(&"Ukraine") && texts.contains(&"US"),
        "{texts:?}"
    );
    assert!(texts.contains(&"Ursula von der Leyen"), "{texts:?}");
    assert!(texts.contains(&"George W. Bush"), "{texts:?}");
    assert!(texts.contains(&"J.P. Morgan"), "{texts:?}");
    assert_eq!(texts.iter().filter(|t| **t == "Ukraine").count(), 2);
}

#[test]
fn acronym_joins_its_definition() {
    let ents = run(
        "The Securities and Exchange Commission (SEC) fined the bank. The SEC said it would appeal.",
    );
    let e = entity(&ents, "Securities and Exchange Commission");
    assert_eq!(e.kind, EntityType::Organization);
    assert_eq!(e.mentions.len(), 3, "{e:?}");
}

#[test]
fn context_decides_type() {
    let ents = run("Michael Jordan visited Jordan. Jordan said he liked Amman.");
    let p = entity(&ents, "Michael Jordan");
    assert_eq!(p.kind, EntityType::Person);
    assert_eq!(p.mentions.len(), 2, "{ents:#?}");
    let m = mentions(&ents);
    assert!(
        m.contains(&("Jordan".to_string(), EntityType::Location)),
        "{m:?}"
    );
    let ents = run("KYIV (Reuters) - Mr. Kowalczyk arrived in Kyiv on Monday.");
    let m = mentions(&ents);
    assert!(
        m.contains(&("KYIV".to_string(), EntityType::Location)),
        "{m:?}"
    );
    assert!(
        m.contains(&("Kowalczyk".to_string(), EntityType::Person)),
        "{m:?}"
    );
}

#[test]
fn org_suffix_and_title_case_headline() {
    let ents = run("Acme Widgets Inc. Reports Record Profits\n\nAcme Widgets Inc. said on Tuesday that profits rose.");
    let m = mentions(&ents);
    assert!(
        m.iter()
            .all(|(t, _)| !t.contains("Reports") && !t.contains("Record")),
        "{m:?}"
    );
    assert!(
        m.contains(&("Acme Widgets Inc.".to_string(), EntityType::Organization)),
        "{m:?}"
    );
}

#[test]
fn all_caps_headline_is_not_one_name() {
    let m = mentions(&run(
        "UKRAINE REJECTS MINERALS DEAL AFTER TALKS IN MUNICH\n\nKyiv said no.",
    ));
    assert!(m.iter().all(|(t, _)| !t.contains(' ')), "{m:?}");
    assert!(
        m.contains(&("UKRAINE".to_string(), EntityType::Location)),
        "{m:?}"
    );
    assert!(
        m.contains(&("MUNICH".to_string(), EntityType::Location)),
        "{m:?}"
    );
}

#[test]
fn role_phrases_become_references() {
    let ents = run(
        "US Treasury Secretary Scott Bessent visited Kyiv. The Treasury Secretary met officials.",
    );
    let e = entity(&ents, "Scott Bessent");
    assert!(
        e.references
            .iter()
            .any(|m| m.text == "The Treasury Secretary"),
        "{e:?}"
    );
    assert!(e
        .mentions
        .iter()
        .all(|m| m.text != "The Treasury Secretary"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_spans_are_exact(body in "\\PC{0,300}") {
        let ents = run(&body);
        let chars: Vec<char> = body.chars().collect();
        for e in &ents {
            for m in e.mentions.iter().chain(&e.references) {
                prop_assert!(m.start < m.end && m.end <= chars.len());
                let s: String = chars[m.start..m.end].iter().collect();
                prop_assert_eq!(&s, &m.text);
            }
        }
    }

    #[test]
    fn news_like_text_spans_are_exact(
        words in proptest::collection::vec(
            prop_oneof![
                Just("The"), Just("Mr."), Just("President"), Just("Ukraine’s"), Just("U.S."),
                Just("Kyiv"), Just("said"), Just("of"), Just("Bank"), Just("von"), Just("W."),
                Just("-"), Just("\"Zelensky\""), Just("KYIV"), Just("(SEC)"), Just("and"),
                Just("Élodie"), Just("Ωmega"), Just("\n\n"), Just("."), Just("Inc."),
            ],
            0..40,
        )
    ) {
        let body = words.join(" ");
        let ents = run(&body);
        let chars: Vec<char> = body.chars().collect();
        for e in &ents {
            prop_assert!(!e.name.is_empty());
            for m in e.mentions.iter().chain(&e.references) {
                let s: String = chars[m.start..m.end].iter().collect();
                prop_assert_eq!(&s, &m.text);
            }
        }
    }
}

#[test]
fn products_events_and_venues_are_misc() {
    let body = "Traders met at the Northfield Trade Conference at the Harbor \
                West Convention Center on Monday. The company showed Acme OS 9 and the \
                AcmeBook Air there. NTC ends on Friday. The API is free.";
    let m = mentions(&run(body));
    for name in [
        "Northfield Trade Conference",
        "Harbor West Convention Center",
        "Acme OS 9",
        "AcmeBook Air",
        "NTC",
        "The API",
    ] {
        assert!(
            m.contains(&(name.to_string(), EntityType::Misc)),
            "{name} not MISC: {m:?}"
        );
    }
}

#[test]
fn surname_heads_stay_persons() {
    // "Hall" ends venues ("Carnegie Hall") but also surnames.
    let m = mentions(&run(
        "The concert was held at Carnegie Hall. Stuart Hall said it was loud.",
    ));
    assert!(
        m.contains(&("Carnegie Hall".to_string(), EntityType::Misc)),
        "{m:?}"
    );
    assert!(
        m.contains(&("Stuart Hall".to_string(), EntityType::Person)),
        "{m:?}"
    );
}

#[test]
fn city_and_state_are_one_location() {
    let ents = run(
        "The event took place in San Francisco, California, on Tuesday. \
                    Later San Francisco hosted another one. Texas, California and Florida voted.",
    );
    let sf = entity(&ents, "San Francisco, California");
    assert_eq!(sf.kind, EntityType::Location);
    assert_eq!(sf.mentions.len(), 2, "{:?}", sf.mentions);
    // A list of states is not a city and its state.
    let m = mentions(&ents);
    assert!(
        m.contains(&("Texas".to_string(), EntityType::Location)),
        "{m:?}"
    );
}

#[test]
fn country_government_is_a_location() {
    let m = mentions(&run(
        "Markets rose after the US Government announced a rescue plan.",
    ));
    assert!(
        m.contains(&("US Government".to_string(), EntityType::Location)),
        "{m:?}"
    );
}

#[test]
fn parenthesized_acronym_joins_its_name() {
    let ents = run("The company welcomed the Data Protection Act (DPA) on Monday. The DPA is strict. \
                    The Federal Bureau of Investigation (FBI) opened a case. The FBI declined to comment.");
    let sdk = entity(&ents, "Data Protection Act");
    assert_eq!(sdk.kind, EntityType::Misc);
    assert!(
        sdk.mentions.iter().any(|m| m.text == "DPA"),
        "{:?}",
        sdk.mentions
    );
    // A later mention of the acronym joins too.
    assert!(
        sdk.mentions.iter().any(|m| m.text == "The DPA"),
        "{:?}",
        sdk.mentions
    );
    let fbi = entity(&ents, "Federal Bureau of Investigation");
    assert_eq!(fbi.kind, EntityType::Organization);
    assert_eq!(fbi.mentions.len(), 3, "{:?}", fbi.mentions);
}

#[test]
fn short_org_name_joins_its_legal_name() {
    let ents = run(
        "Shoppers queued at Acme Stores across the country. Acme Inc. said demand \
                    was high. Acme expects more sales.",
    );
    let inc = entity(&ents, "Acme Inc.");
    assert!(
        inc.mentions.iter().any(|m| m.text == "Acme"),
        "{:?}",
        inc.mentions
    );
}

#[test]
fn org_head_then_person_is_two_names() {
    let m = mentions(&run(
        "\"Bonds are cheap,\" said Stone Ridge Capital Group Mary Jones.",
    ));
    assert!(
        m.contains(&(
            "Stone Ridge Capital Group".to_string(),
            EntityType::Organization
        )),
        "{m:?}"
    );
    assert!(
        m.contains(&("Mary Jones".to_string(), EntityType::Person)),
        "{m:?}"
    );
}

#[test]
fn institution_for_name_is_one_organization() {
    let m = mentions(&run(
        "Fishing was halted by the Federal Office for the Coastal Waters on Monday.",
    ));
    assert!(
        m.contains(&(
            "Federal Office for the Coastal Waters".to_string(),
            EntityType::Organization
        )),
        "{m:?}"
    );
}

#[test]
fn place_before_known_event_is_its_own_name() {
    let m = mentions(&run(
        "Retailers watched the United States Thanksgiving sales closely.",
    ));
    assert!(
        m.contains(&("United States".to_string(), EntityType::Location)),
        "{m:?}"
    );
    assert!(
        m.contains(&("Thanksgiving".to_string(), EntityType::Misc)),
        "{m:?}"
    );
}

#[test]
fn title_word_before_org_head_is_a_company() {
    let m = mentions(&run(
        "Shares of General Electric fell. Tourists queued at the Tower of London.",
    ));
    assert!(
        m.contains(&("General Electric".to_string(), EntityType::Organization)),
        "{m:?}"
    );
    assert!(
        m.contains(&("Tower of London".to_string(), EntityType::Misc)),
        "{m:?}"
    );
}

#[test]
fn city_and_ap_state_abbreviation_are_one_location() {
    let ents = run(
        "The company, based in Sacramento, Calif., said sales rose. \
                    Officials in Albany, N.Y., agreed. Arsenio Hall said it was fun.",
    );
    let m = mentions(&ents);
    assert!(
        m.contains(&("Sacramento, Calif.".to_string(), EntityType::Location)),
        "{m:?}"
    );
    assert!(
        m.contains(&("Albany, N.Y.".to_string(), EntityType::Location)),
        "{m:?}"
    );
    assert!(!m.iter().any(|(t, _)| t == "Calif"), "{m:?}");
    assert!(
        m.contains(&("Arsenio Hall".to_string(), EntityType::Person)),
        "{m:?}"
    );
}

#[test]
fn organization_modifiers_are_hidden_but_name_their_entity() {
    let ents = run(
        "Mark Smith, formerly an Acme Corp. executive, left on Monday. Acme said it hired 500 Google engineers. \
         Microsoft CEO Satya Nadella spoke. US officials met US Treasury Secretary Scott Bessent. \
         Boeing jets fly to the Google brand store. Google sold more.",
    );
    let m = mentions(&ents);
    let texts: Vec<&str> = m.iter().map(|(t, _)| t.as_str()).collect();
    // Names before staff nouns, corporate roles and product nouns are no mentions...
    assert!(!texts.contains(&"Acme Corp."), "{m:?}");
    assert!(!texts.contains(&"Microsoft"), "{m:?}");
    assert!(!texts.contains(&"Boeing"), "{m:?}");
    assert_eq!(texts.iter().filter(|t| **t == "Google").count(), 1, "{m:?}");
    // ...but still name their entity: the fullest form written.
    let acme = entity(&ents, "Acme Corp.");
    assert_eq!(acme.mentions.len(), 1, "{:?}", acme.mentions);
    assert_eq!(acme.mentions[0].text, "Acme");
    // Places stay, and so does a government body before its office.
    assert!(
        m.contains(&("US".to_string(), EntityType::Location)),
        "{m:?}"
    );
    assert!(
        m.contains(&("US Treasury".to_string(), EntityType::Organization)),
        "{m:?}"
    );
    assert!(
        m.contains(&("Satya Nadella".to_string(), EntityType::Person)),
        "{m:?}"
    );
}

#[test]
fn company_noun_after_unknown_name_makes_it_an_organization() {
    let m = mentions(&run(
        "The top gainer was the Zorbex Mutual insurance company, which rose 5%.",
    ));
    assert!(
        m.contains(&("Zorbex Mutual".to_string(), EntityType::Organization)),
        "{m:?}"
    );
}

#[test]
fn state_after_city_is_also_its_own_mention() {
    let ents = run("The fair opens in central Fresno, California. California voted.");
    let m = mentions(&ents);
    assert!(
        m.contains(&("Fresno, California".to_string(), EntityType::Location)),
        "{m:?}"
    );
    let ca = entity(&ents, "California");
    assert_eq!(ca.mentions.len(), 2, "{:?}", ca.mentions);
}

#[test]
fn apposition_with_a_role_or_an_age_marks_a_person() {
    let m = mentions(&run(
        "Prices fell. Hiroshi Tanabe, the Japanese minister of fiscal policy, said it was bad. \
         Later Kenji Ishikawa, 49, resigned.",
    ));
    assert!(
        m.contains(&("Hiroshi Tanabe".to_string(), EntityType::Person)),
        "{m:?}"
    );
    assert!(
        m.contains(&("Kenji Ishikawa".to_string(), EntityType::Person)),
        "{m:?}"
    );
}

#[test]
fn country_and_lowercase_government_are_one_location() {
    let m = mentions(&run("Shares rose after the US government unveiled a plan."));
    assert!(
        m.contains(&("US government".to_string(), EntityType::Location)),
        "{m:?}"
    );
}

#[test]
fn spaced_hyphen_joins_the_halves_of_one_name() {
    let m = mentions(&run(
        "Acme passed Coca - Cola in drink sales. Talks between France - Germany stalled.",
    ));
    assert!(
        m.contains(&("Coca - Cola".to_string(), EntityType::Organization)),
        "{m:?}"
    );
    assert!(
        m.contains(&("France".to_string(), EntityType::Location)),
        "{m:?}"
    );
    assert!(
        m.contains(&("Germany".to_string(), EntityType::Location)),
        "{m:?}"
    );
}

#[test]
fn type_from_context_carries_to_other_mentions() {
    let m = mentions(&run(
        "Zorblats' label takes on phone maker\nJune 3, 2011\n\nThe Zorblats' label went to court. Fans of the Zorblats protested.",
    ));
    let z: Vec<&EntityType> = m
        .iter()
        .filter(|(t, _)| t.contains("Zorblats"))
        .map(|(_, k)| k)
        .collect();
    assert!(z.len() >= 2, "{m:?}");
    assert!(z.iter().all(|k| **k == EntityType::Organization), "{m:?}");
}

#[test]
fn organization_in_compound_adjective_or_before_members_is_hidden() {
    let m = mentions(&run(
        "Acme bought a new Boeing-built jet. The G7 nations met in Washington. The G7 agreed.",
    ));
    let texts: Vec<&str> = m.iter().map(|(t, _)| t.as_str()).collect();
    assert!(!texts.contains(&"Boeing"), "{m:?}");
    assert_eq!(
        texts.iter().filter(|t| t.contains("G7")).count(),
        1,
        "{m:?}"
    );
    assert!(texts.contains(&"Washington"), "{m:?}");
}

#[test]
fn government_body_before_a_shared_role_stays() {
    let m = mentions(&run(
        "Federal Reserve Chairman John Roe spoke. Acme Corp. Chief Executive Officer Jane Doe left.",
    ));
    let texts: Vec<&str> = m.iter().map(|(t, _)| t.as_str()).collect();
    assert!(texts.contains(&"Federal Reserve"), "{m:?}");
    assert!(!texts.contains(&"Acme Corp."), "{m:?}");
    assert!(texts.contains(&"Jane Doe"), "{m:?}");
}

#[test]
fn short_hyphen_halves_and_place_cues_do_not_make_names() {
    let m = mentions(&run(
        "Scanners use X-Ray only. Zorbix is popular in Zorbix-land. Apps for Quintox sell well. \
         Developers in Quintox earn more.",
    ));
    assert!(
        !m.contains(&("X-Ray".to_string(), EntityType::Organization)),
        "{m:?}"
    );
    // "in Quintox" types that mention only, not "for Quintox".
    let q: Vec<&EntityType> = m
        .iter()
        .filter(|(t, _)| t == "Quintox")
        .map(|(_, k)| k)
        .collect();
    assert_eq!(q.len(), 2, "{m:?}");
    assert!(q[0] != &EntityType::Location, "{m:?}");
}
