// Words of pharmacovigilance intake, in French and English lay terms: adverse events and product quality
// complaints as patients and carers write them, the words that show a patient (the author or someone
// they speak of), and the words that make an event hypothetical or a post a news report.
//
// Source: written for kolmap from the lay wording of adverse events on patient forums and social
// networks (the terms patients use for common MedDRA preferred terms: nausea, rash, dizziness…), and
// the criteria of a valid individual case safety report in EMA GVP Module VI (rev 2, VI.B.1.1.1:
// an identifiable reporter, an identifiable patient, a suspected product, an adverse reaction) and
// its appendix on the Internet and digital media (VI.C.2.2.6). No list was copied. Entries are
// compact (see expandForms): `(a|b)` is a, b or nothing, `_` joins the words of a phrase.

export interface PvWordLists {
  /** Adverse events, as lay terms. */
  adverseEvents: string;
  /** Product quality complaints: devices that fail, damaged or odd packs, counterfeits, dose errors. */
  qualityComplaints: string;
  /** A patient: first person, or someone the author speaks of ("my son", "ma mère", "my patient"). */
  patientMarkers: string;
  /** Words after which an event is only feared, possible or avoided, not had. */
  hypotheticals: string;
  /** Words that make an event absent ("no side effects", "aucun effet secondaire"). */
  negators: string;
  /** Words that say the product is not taken yet ("before I start"): no event of the post counts. */
  notYetTaking: string;
  /** Words of news, studies and regulators: a post with them speaks of others' data, not of a patient. */
  reportWords: string;
}

export const ENGLISH_PV_WORDS: PvWordLists = {
  adverseEvents: `side_effect(s) adverse_effect(s) adverse_reaction(s) adverse_event(s) allergic_reaction(s)
    reaction_to nausea nauseous nauseated feel(ing)_sick vomit(ing|ed|s) threw_up throwing_up
    diarrh(o)ea the_runs constipat(ed|ion) stomach_(pain|ache|cramps) tummy_(ache|pain) rash(es)
    hives itch(y|ing|es) dizz(y|iness) dizzy_spells lightheaded light_headed vertigo headache(s)
    migraine(s) fatigue crushing_fatigue exhausted drows(y|iness) sleepy insomnia can_not_sleep
    bleed(ing|s) nosebleed(s) nose_bleed(s) bruis(e|es|ing|ed) blood_in_(the|my)_(urine|pee|stool|poo)
    mouth_ulcer(s) ulcers mouth_sores tingling pins_and_needles numb(ness) blurred_vision
    blurry_vision blurry vision_problems slow_heart_rate heart_racing racing_heart palpitation(s)
    chest_pain swelling swollen throat_swelling short_of_breath shortness_of_breath
    can_not_breathe breathless dry_mouth thrush yeast_infection(s) hypo(s) hypoglyc(a)emia
    low_blood_sugar(s) hair_loss losing_my_hair losing_hair hair_(is|was)_falling_out hair_falling_out hair_coming_out weight_gain gained_weight
    joint_pain(s) muscle_pain(s) muscle_ache(s) cramp(s) fever(s) chills shaking tremor(s)
    seizure(s) fainted passed_out blacked_out collapsed hospitali(s|z)ed admitted_to_hospital
    anaphyla(xis|ctic) suicidal dark_thoughts depressed hallucinat(ions|ing) jaundice acne
    skin_peeling peeling_skin injection_site_(pain|reaction|swelling) sore_(arm|leg|stomach)`,
  qualityComplaints: `faulty defective jammed jams jamming stuck broken broke cracked leak(s|ed|ing)
    did_not_come_out does_not_click did_not_click not_working stopped_working malfunction(ed|ing)
    wrong_dose double_dose(d) overdose(d) took_too_much counterfeit fake_pills expired damaged_pack
    damaged_packaging missing_tablets crumbl(ed|ing) changed_colour changed_color weird_smell
    particles floating_bits cloudy no_dose_came_out bent`,
  patientMarkers: `i me my mine myself
    son daughter mum mom mother dad father husband wife partner child kid(s) baby toddler grandma
    grandmother granny grandad grandfather brother sister friend boyfriend girlfriend
    my_patient(s) a_patient our_patient(s) patient_of_mine`,
  hypotheticals: `scared_of afraid_of worried_about worried_of fear_of fearing risk_of risks chance_of
    may might could can_cause may_cause could_cause in_case_of what_if if_i_get if_it_causes
    warned_me_about avoid prevent(s) preventing`,
  negators: 'no not never without nor none zero',
  notYetTaking: `before_i_start(ing) before_starting before_taking not_started_yet have_not_started
    thinking_of_starting`,
  reportWords: `regulator(s) agency ema fda mhra study studies trial(s) data label warning(s) recall(ed)
    according_to under_review review report(s|ed) safety_data pharmacovigilance investigation
    researchers published journal percent incidence rate(s) cases_of`,
};

export const FRENCH_PV_WORDS: PvWordLists = {
  adverseEvents: `effet(s)_secondaire(s) effet(s)_indésirable(s) réaction(s)_allergique(s) réaction_à
    nausée(s) envie_de_vomir vomi(r|ssement|ssements|t|s) diarrhée(s) la_courante constipé(e)(s)
    constipation mal_au_ventre maux_de_ventre douleur(s)_(abdominale|abdominales|au_ventre)
    crampe(s) éruption(s) éruption(s)_cutanée(s) boutons_partout plaques_rouges urticaire démangeaison(s)
    démange ça_gratte vertige(s) étourdissement(s) tête_qui_tourne mal_de_tête maux_de_tête
    migraine(s) fatigue fatigue_écrasante épuisé(e)(s) somnolence somnolent(e)(s) grosse_somnolence
    insomnie(s) saignement(s) saigne saignements_de_nez saigne_du_nez des_bleus bleus_partout hématome(s)
    sang_dans_les_(urines|selles) urines_rouges aphte(s) fourmillement(s) picotement(s)
    engourdi(e)(s) engourdissement(s) vue_qui_se_brouille vue_brouillée vision_floue vue_trouble
    cœur_qui_ralentit bradycardie palpitation(s) tachycardie cœur_qui_s_emballe douleur(s)_thoracique(s)
    gonfle gonflé(e)(s) gonflement(s) œdème(s) gorge_qui_gonfle mal_à_respirer du_mal_à_respirer
    essoufflé(e)(s) essoufflement bouche_sèche mycose(s) hypo(s) hypoglycémie(s) perte_de_cheveux
    chute_de_cheveux cheveux_qui_tombent prise_de_poids pris_du_poids douleur(s)_articulaire(s)
    douleur(s)_musculaire(s) fièvre frissons tremblement(s) convulsion(s) malaise(s) évanoui(e)(s)
    hospitalisé(e)(s) aux_urgences idées_noires idées_suicidaires hallucination(s) jaunisse acné
    peau_qui_pèle point_d_injection`,
  qualityComplaints: `défectueu(x|se|ses) défaut bloqué(e)(s) coincé(e)(s) cassé(e)(s) fissuré(e)(s)
    fuite(s) fuit ne_sort_pas n_est_pas_sortie ne_clique_pas ne_fonctionne_plus ne_marche_plus
    mauvaise_dose double_dose surdosage erreur_de_dose contrefaçon faux_médicament périmé(e)(s)
    emballage_abîmé boîte_abîmée comprimé(s)_cassé(s) effrité(s) a_changé_de_couleur couleur_bizarre
    odeur_bizarre particules dose_pas_passée tordu(e)(s)`,
  patientMarkers: `je j me m moi mon ma mes
    fils fille mère père mari femme conjoint conjointe compagnon compagne enfant(s) bébé
    grand_mère grand_père mamie papi frère sœur ami(e) copain copine maman papa
    mon_patient ma_patiente mes_patient(e)(s) un_patient une_patiente`,
  hypotheticals: `peur_de peur_d peur_des peur_du peur_d_avoir crainte(s) crains craint risque_de risque_d risques
    peut_provoquer peut_donner peut_causer pourrait pourraient en_cas_de si_jamais éviter prévenir
    m_a_prévenu(e) pour_ne_pas_avoir`,
  negators: 'pas aucun aucune sans jamais ni zéro',
  notYetTaking: `avant_de_commencer avant_de_le_prendre avant_de_la_prendre pas_encore_commencé
    hésite_à_commencer`,
  reportWords: `agence ansm ema étude(s) essai(s) données réévaluation rapport(s) alerte(s)
    rappel_de_lot selon pharmacovigilance enquête chercheurs publié(e)(s) revue pourcentage
    incidence taux cas_de`,
};
