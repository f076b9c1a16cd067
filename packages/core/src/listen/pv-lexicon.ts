// Words of pharmacovigilance intake, in French and English: adverse events by system organ class, in
// lay and clinical forms with their abbreviations, product quality complaints and medication errors,
// lab values and vital signs, the words that show a patient (the author or someone they speak of), and
// the words that make an event hypothetical, denied, not yet possible, or a post a news report.
//
// Source: written for kolmap from the lay and clinical wording of adverse events on patient forums,
// clinicians' posts and social networks, grouped by the system organ classes of MedDRA (names of the
// classes only; no MedDRA term list was used: MedDRA is licensed), and the criteria of a valid
// individual case safety report in EMA GVP Module VI (rev 2, VI.B.1.1.1: an identifiable reporter, an
// identifiable patient, a suspected product, an adverse reaction) and its appendix on the Internet and
// digital media (VI.C.2.2.6). No list was copied. Entries are compact (see expandForms): `(a|b)` is a,
// b or nothing, `_` joins the words of a phrase; accents, case and apostrophes are ignored.

/** System organ classes of the event vocabulary (MedDRA's classes, named for reviewers). */
export const PV_EVENT_CLASSES = [
  'infections',
  'blood',
  'investigations',
  'cardiac',
  'vascular',
  'nervous',
  'psychiatric',
  'eye',
  'ear',
  'respiratory',
  'gastrointestinal',
  'hepatobiliary',
  'skin',
  'musculoskeletal',
  'renal-urinary',
  'reproductive',
  'metabolism',
  'immune',
  'general',
  'pregnancy',
  'medication-error',
  'product-issue',
] as const;
export type PvEventClass = (typeof PV_EVENT_CLASSES)[number];

/** The classes that are quality complaints (a product or its use went wrong) rather than adverse events. */
export const QUALITY_COMPLAINT_CLASSES: ReadonlySet<PvEventClass> = new Set([
  'medication-error',
  'product-issue',
]);

export interface PvWordLists {
  /** Adverse events, medication errors and product problems, by system organ class. */
  events: Readonly<Record<PvEventClass, string>>;
  /**
   * Lab values and vital signs ("lymphocytes", "ALT", "pouls"): an event when a number or a word of
   * change ("low", "dropped", "élevées") stands next to them ("lymphocytes at 0.4", "ALAT à 5N").
   */
  labValues: string;
  /** Words of change that make a lab value an event without a number ("low lymphocytes"). */
  labChanges: string;
  /** A patient: first person, or someone the author speaks of ("my son", "ma mère", "my patient"). */
  patientMarkers: string;
  /** Words after which an event is only feared, possible or avoided, not had. */
  hypotheticals: string;
  /** Words that make every event after them in the clause hypothetical ("if", "si jamais"). */
  conditionals: string;
  /** Words that make an event absent ("no side effects", "aucun effet secondaire"). */
  negators: string;
  /** Words that say the product is not taken yet ("before I start"): no event of the post counts. */
  notYetTaking: string;
  /**
   * Words of doubt about the cause ("not sure if", "je me demande si"): the event still counts (a
   * suspicion is enough), the doubt is shown to the reviewer and lowers the triage score.
   */
  causalityDoubts: string;
  /** Words that deny the product caused the event ("nothing to do with", "rien à voir"). */
  causalityDenied: string;
  /** Words of news, studies and regulators: a post with them speaks of others' data, not of a patient. */
  reportWords: string;
}

export const ENGLISH_PV_WORDS: PvWordLists = {
  events: {
    infections: `infection(s) infected uti(s) urine_infection(s) urinary_infection(s) bladder_infection(s)
      kidney_infection(s) cystitis shingles zoster herpes cold_sore(s) fever_blister(s) chest_infection(s)
      bronchitis pneumonia sinusitis sinus_infection(s) strep tonsillitis flu covid thrush
      yeast_infection(s) candida fungal_infection(s) oral_thrush cellulitis sepsis abscess(es) pml
      leukoencephalopathy jc_virus jcv_positive ear_infection(s) conjunctivitis pink_eye gastroenteritis
      stomach_bug chest_bug warts tb tuberculosis hepatitis_b`,
    blood: `anaemia anemia anaemic anemic lymphopenia lymphopaenia neutropenia neutropenic
      thrombocytopenia low_platelets low_white_cells low_white_count low_blood_count purpura bruis(e|es|ing|ed)
      bruises_everywhere blood_transfusion transfusion(s) units_of_blood needed_blood`,
    investigations: `liver_enzymes liver_function raised_liver deranged_lfts abnormal_bloods
      bloods_came_back_off bad_bloods`,
    cardiac: `slow_heart_rate slow_pulse low_heart_rate heart_rate_dropped bradycardia brady
      heart_block palpitation(s) heart_racing racing_heart heart_pounding skipped_beats
      irregular_heartbeat afib a_fib atrial_fibrillation chest_pain(s) chest_tightness heart_attack
      heart_failure tachycardia`,
    vascular: `hot_flush(es) hot_flash(es) flush(es|ing) flushed night_sweat(s) sweats sweating
      drenched soaked high_blood_pressure blood_pressure_up hypertension bp_through_the_roof low_blood_pressure
      hypotension dvt blood_clot(s) clot(s) thrombosis embolism pulmonary_embolism bleed(s|ing) bled
      haemorrhage(s) hemorrhage(s) nosebleed(s) nose_bleed(s) bleeding_gums gums_bleed gums_bleeding
      black_stool(s) black_poo tarry_stool(s) bruising vasculitis`,
    nervous: `dizz(y|iness) dizzy_spells lightheaded light_headed vertigo headache(s) migraine(s)
      tingling pins_and_needles numb(ness) seizure(s) convulsion(s) fainted faint(ing)
      passed_out blacked_out collapsed syncope tremor(s) shaking shakes metallic_taste metal_taste
      taste_of_metal tastes_like_metal tastes_like_coins sucking_on_coins sucking_a_coin coins
      tastes_like_batteries taste(s)_weird lost_my_taste loss_of_taste brain_fog foggy memory_problems
      word_finding word-finding cannot_find_my_words speech_problems slurred aphasia neuropathy
      nerve_pain falling_asleep fall_asleep fell_asleep nodding_off drows(y|iness) sleepy somnolence
      restless_legs`,
    psychiatric: `depression depressed low_mood suicidal dark_thoughts anxiety panic_attack(s)
      crying_every_day crying_all_the_time cry_all_the_time mood_swings irritable hallucinat(ions|ing)
      insomnia can_not_sleep cannot_sleep sleepless nightmares vivid_dreams
      can_not_get_out_of_bed cannot_get_out_of_bed`,
    eye: `blurred_vision blurry_vision blurry vision_problems double_vision macular_oedema macular_edema
      eye_pain dry_eyes sore_eyes red_eyes floaters`,
    ear: `tinnitus ringing_in_my_ear(s) ringing_in_ear(s) ringing_ear(s) ears_ringing ears_are_ringing
      hearing_loss lost_my_hearing deaf buzzing_in_my_ear(s) whistling_in_my_ear(s) ear_pain`,
    respiratory: `cough(ing) coughing_up_blood coughed_up_blood short_of_breath shortness_of_breath
      breathless can_not_breathe cannot_breathe wheez(y|ing|e) pneumonitis interstitial_lung
      ground_glass asthma_attack throat_swelling throat_got_tight throat_closing tight_throat sore_throat
      runny_nose blocked_nose sneez(e|es|ing)`,
    gastrointestinal: `nausea nauseous nauseated feel(ing)_sick vomit(ing|ed|s) threw_up throwing_up
      puk(e|ed|ing) being_sick diarrh(o)ea the_runs constipat(ed|ion) stomach_pain(s) stomach_ache(s) stomach_cramps
      tummy_ache(s) tummy_pain tummy_troubles abdominal_pain bloat(ed|ing) indigestion heartburn reflux mouth_ulcer(s)
      ulcers mouth_sores dry_mouth pancreatitis gi_bleed blood_in_(the|my)_(stool|poo) rectal_bleeding`,
    hepatobiliary: `jaundice yellow_skin yellow_eyes hepatitis liver_damage liver_injury liver_problems
      gallstone(s) gallbladder cholecystitis ruq_pain`,
    skin: `rash(es) hives itch(y|ing|es) acne skin_peeling peeling_skin blister(s|ing) eczema
      psoriasis dry_skin hair_loss losing_my_hair losing_hair lost_my_hair lost_half_my_hair half_my_hair
      hair_thinning thinning_hair hair_(is|was)_(falling|coming)_out hair_falling_out hair_coming_out
      hair_fell_out clumps_of_hair bald_patch(es) going_bald brush_is_full hand-foot hand_and_foot
      mouth_sores_and injection_site_(pain|reaction|reactions|swelling|lump|lumps) lumps_at
      lipohypertrophy lipoatrophy red_patch(es) welts sunburn photosensitivity nail_problems
      sweating_more`,
    musculoskeletal: `joint_pain(s) muscle_pain(s) muscle_ache(s) aches aching achy body_aches cramp(s)
      stiff(ness) back_pain bone_pain arthralgia myalgia muscle_weakness weak_legs sore_arm sore_leg(s) sore_joints`,
    'renal-urinary': `blood_in_(the|my)_(urine|pee) pink_pee red_pee pink_urine haematuria hematuria
      kidney_problems kidney_damage kidney_failure peeing_all_the_time incontinence`,
    reproductive: `heavy_period(s) period(s)_(are|were|have_been)_heavy heavy_bleeding missed_period(s)
      irregular_periods period_pain spotting erectile_dysfunction impotence low_libido no_libido
      breast_pain vaginal_dryness`,
    metabolism: `hypo(s) hypoglyc(a)emia low_blood_sugar(s) low_sugar(s) hyperglyc(a)emia high_blood_sugar(s)
      ketoacidosis dka weight_gain gained_weight put_on_weight weight_loss lost_weight dehydrated
      dehydration no_appetite lost_my_appetite loss_of_appetite`,
    immune: `allergic_reaction(s) reaction_to anaphyla(xis|ctic) used_my_epi epipen_used
      swollen_lips swollen_tongue swollen_face angioedema itchy_mouth itchy_throat infusion_reaction(s)`,
    general: `side_effect(s) side-effect(s) adverse_effect(s) adverse_reaction(s) adverse_event(s) fatigue
      fatigued crushing_fatigue exhausted exhaustion tired tiredness wiped_out knackered zombie fever(s)
      feverish rigors chills swelling swollen oedema edema malaise unwell felt_awful
      hospitali(s|z)ed admitted_to_hospital in_hospital a_and_e er_visit ended_up_in ambulance
      not_working doing_nothing done_nothing does_nothing did_nothing has_done_nothing stopped_working_for_me
      doing_absolutely_nothing done_absolutely_nothing does_absolutely_nothing did_absolutely_nothing
      no_better still_sneezing still_relapsing relapse(s|d) new_lesion(s) new_enhancing new_t2 flare(s|d)
      worse_than_before`,
    pregnancy: `pregnant pregnancy positive_test positive_pregnancy_test got_pregnant miscarriage
      breastfeeding_on`,
    'medication-error': `wrong_dose double_dose(d) doubled_up overdose(d) took_too_much took_two
      instead_of_one by_mistake extra_dose missed_dose(s) took_it_twice mixed_up wrong_pill(s)
      wrong_tablet(s) off_a_friend not_prescribed misuse(d) took_my_mums took_my_dads took_my_husbands took_my_wifes`,
    'product-issue': `faulty defective jammed jams jamming stuck broken broke cracked leak(s|ed|ing)
      did_not_come_out does_not_click did_not_click did_not_fire not_firing misfire(d) not_working
      stopped_working malfunction(ed|ing) counterfeit fake_pills expired damaged_pack damaged_packaging
      missing_tablets crumbl(ed|ing) changed_colour changed_color weird_smell particles floating_bits
      cloudy no_dose_came_out bent needle_bent`,
  },
  labValues: `lymphocyte(s) lymphs lympho(s) alc wbc white_count white_cells neutrophil(s) platelet(s)
    plt hb haemoglobin hemoglobin alt ast ggt alp lft(s) bili bilirubin liver_enzymes transaminase(s)
    tsh t4 thyroid creat creatinine egfr crp esr lipase amylase inr potassium sodium glucose sugar(s)
    blood_sugar(s) cgm a1c hba1c heart_rate hr resting_hr pulse bp blood_pressure sats spo2 oxygen
    temp temperature jcv_index jcv igg qtc ck heart`,
  labChanges: `low lower high higher raised elevated up down dropped drop(ped|ping) fell falling crashed
    crashing tanked through_the_roof sky_high spiked creeping_up creeping bump(ed) doubled tripled
    abnormal deranged off uln x_uln`,
  patientMarkers: `i me my mine myself im ive
    son daughter mum mom mother dad father husband wife partner child kid(s) baby toddler grandma
    grandmother granny grandad grandfather brother sister friend best_friend boyfriend girlfriend
    bf gf bestie flatmate roommate uncle aunt auntie cousin nephew niece neighbour neighbor colleague
    she he her him his
    my_patient(s) a_patient patient pt(s) our_patient(s) patient_of_mine year_old y_o yo`,
  hypotheticals: `scared_of afraid_of worried_about worried_of fear_of fearing terrified_of risk_of risks
    chance_of may might could can_cause may_cause could_cause cause(s) ever warned_me_about avoid prevent(s) preventing would
    reading_about read_about scared_stiff terrified`,
  conditionals: 'if what_if in_case_of hypothetically suppose supposing',
  negators:
    'no not never without nor none zero very_few hardly_any fewer relapse_free relapse-free symptom_free not_a_single not_one',
  notYetTaking: `before_i_start(ing) before_starting before_taking not_started_yet have_not_started
    thinking_of_starting thinking_about_starting about_to_start going_to_start supposed_to_start
    start(ing)_next start(ing)_tomorrow start(ing)_soon wants_me_on wants_me_to_start wants_to_add wants_to_start
    should_i_start wants_to_put wants_to_switch want_to_put want_to_switch`,
  causalityDoubts: `not_sure_if not_sure_whether not_sure_it_is wonder(ing)_if no_idea_if do_not_know_if
    dunno_if maybe coincidence`,
  causalityDenied: `nothing_to_do_with after_all turn(s|ed)_out
    the_real_villain the_real_culprit the_real_cause was_not_the were_not_the wasnt_the werent_the way_worse_before worse_before long_before well_before years_before was_convinced everyone_assumed
    blamed_the`,
  reportWords: `regulator(s) agency ema fda mhra study studies trial(s) data label warning(s) recall(ed)
    according_to under_review review report(s) safety_data pharmacovigilance investigation
    researchers published journal percent incidence rate(s) cases_of people some_patients batch(es)
    lot_number(s) announce(s|d) approved approval launch(es|ed) placebo poster congress abstract`,
};

export const FRENCH_PV_WORDS: PvWordLists = {
  events: {
    infections: `infection(s) infecté(e)(s) infection(s)_urinaire(s) cystite(s) pyélonéphrite zona herpès
      herpes bouton(s)_de_fièvre bronchite(s) pneumonie(s) pneumopathie(s) sinusite(s) angine(s) grippe
      covid mycose(s) candidose(s) muguet infection(s)_pulmonaire(s) abcès cellulite septicémie sepsis
      lemp leucoencéphalopathie virus_jc jcv_positif otite(s) conjonctivite(s) gastro gastro-entérite
      verrue(s) tuberculose`,
    blood: `anémie anémié(e)(s) lymphopénie neutropénie thrombopénie plaquettes_basses globules_blancs_bas
      purpura transfusion(s) transfusé(e)(s) culot(s) des_bleus bleus_partout hématome(s)`,
    investigations: `enzymes_du_foie enzymes_hépatiques bilan_hépatique_perturbé bilan_perturbé
      prise_de_sang_pas_bonne`,
    cardiac: `cœur_qui_ralentit pouls_lent pouls_bas bradycardie palpitation(s) tachycardie
      cœur_qui_s_emballe cœur_qui_bat_la_chamade douleur(s)_thoracique(s) douleur(s)_dans_la_poitrine
      oppression infarctus arythmie fibrillation`,
    vascular: `bouffée(s)_de_chaleur bouffée(s) suée(s) sueur(s)_nocturne(s) sueurs transpire transpiration
      hypertension tension_élevée tension_haute hypotension phlébite thrombose embolie caillot(s)
      saignement(s) saigne saigné saignements_de_nez saigne_du_nez hémorragie(s) hémorragique
      gencives_qui_saignent selles_noires méléna`,
    nervous: `vertige(s) étourdissement(s) tête_qui_tourne mal_de_tête maux_de_tête céphalée(s)
      migraine(s) fourmillement(s) picotement(s) engourdi(e)(s) engourdissement(s) convulsion(s)
      crise(s)_d_épilepsie malaise(s) évanoui(e)(s) évanouissement(s) perte_de_connaissance
      tombé(e)_dans_les_pommes tombée(s)_dans_les_pommes syncope tremblement(s) goût_métallique
      goût_de_métal goût_de_fer goût_de_pièce(s) goût_bizarre perte_du_goût brouillard troubles_de_la_mémoire
      trous_de_mémoire aphasie mots_qui_ne_viennent_pas neuropathie somnolence somnolent(e)(s)
      grosse_somnolence pique_du_nez endormi(e)(s) m_endors je_m_endors`,
    psychiatric: `dépression déprimé(e)(s) déprime idées_noires idées_suicidaires anxiété angoisses
      crise(s)_d_angoisse pleure_tous_les_jours pleure_sans_raison sautes_d_humeur irritable(s)
      hallucination(s) insomnie(s) dors_plus dors_pas cauchemars`,
    eye: `vue_qui_se_brouille vue_brouillée vision_floue vue_trouble vision_double œdème_maculaire
      yeux_secs yeux_rouges mal_aux_yeux`,
    ear: `acouphène(s) sifflement(s) bourdonnement(s) oreille(s)_qui_siffle(nt) perte_d_audition
      surdité sourd(e) mal_à_l_oreille`,
    respiratory: `toux tousse crache_du_sang crache_un_peu_de_sang cracher_du_sang hémoptysie
      mal_à_respirer du_mal_à_respirer essoufflé(e)(s) essoufflement souffle_court pneumopathie
      pneumonite verre_dépoli crise_d_asthme gorge_qui_gonfle gorge_serrée gorge_qui_serre
      nez_qui_coule nez_bouché éternue(r|ments) éternuement(s)`,
    gastrointestinal: `nausée(s) envie_de_vomir vomi(r|ssement|ssements|t|s) gerbe gerber diarrhée(s)
      la_courante constipé(e)(s) constipation mal_au_ventre maux_de_ventre douleur(s)_(abdominale|abdominales|au_ventre)
      ballonnement(s) reflux brûlure(s)_d_estomac aphte(s) bouche_sèche pancréatite
      hémorragie_digestive sang_dans_les_selles`,
    hepatobiliary: `jaunisse ictère hépatite foie_abîmé atteinte_hépatique calcul(s)_biliaire(s)
      vésicule cholécystite`,
    skin: `éruption(s) éruption(s)_cutanée(s) boutons boutons_partout plaques_rouges plaques_partout plaques_sur urticaire
      démangeaison(s) démange ça_gratte gratte acné peau_qui_pèle eczéma psoriasis cloque(s)
      perte_de_cheveux chute_de_cheveux cheveux_qui_tombent perds_mes_cheveux perd_ses_cheveux
      tomber_les_cheveux tombent_par_poignées par_poignées trous_dans_les_cheveux moitié_des_cheveux
      cheveux_qui_repoussent cheveux_blancs chauve syndrome_mains-pieds mains-pieds pieds_à_vif
      point_d_injection boule(s)_au_point(s)_d_injection lipohypertrophie peau_sèche photosensibilité`,
    musculoskeletal: `courbature(s) douleur(s)_articulaire(s) douleur(s)_musculaire(s) crampe(s)
      arthralgie(s) myalgie(s) mal_au_dos mal_aux_articulations raideur(s) raide(s) en_vrac
      jambes_lourdes faiblesse_musculaire`,
    'renal-urinary': `sang_dans_les_urines urines_rouges urines_roses pipi_rose hématurie
      insuffisance_rénale problème(s)_de_reins incontinence`,
    reproductive: `règles_abondantes règles_hémorragiques règles_très_abondantes plus_de_règles
      retard_de_règles mes_règles vos_règles ses_règles troubles_de_l_érection impuissance libido sécheresse_vaginale`,
    metabolism: `hypo(s) hypoglycémie(s) hyperglycémie(s) acidocétose prise_de_poids pris_du_poids
      pris_kilos perte_de_poids perdu_du_poids déshydraté(e)(s) déshydratation plus_d_appétit
      perte_d_appétit`,
    immune: `réaction(s)_allergique(s) réaction_à anaphylaxie choc_anaphylactique
      lèvres_gonflées langue_gonflée visage_gonflé œdème_de_quincke ça_gratte_dans_la_bouche
      réaction_à_la_perfusion stylo_d_adrénaline`,
    general: `effet(s)_secondaire(s) effet(s)_indésirable(s) fatigue fatigué(e)(s) fatigue_écrasante
      épuisé(e)(s) épuisement crevé(e)(s) claqué(e)(s) ko zombie fièvre fébrile température frissons
      gonfle gonflé(e)(s) gonflement(s) œdème(s) malade hospitalisé(e)(s) hospitalisation aux_urgences
      urgences réa réanimation pompiers samu ne_fait_rien fait_rien ne_fait_absolument_rien fait_absolument_rien ne_marche_pas ne_marche_plus
      aucune_efficacité inefficace pour_rien toujours_autant poussée(s) rechute(s) nouvelle(s)_lésion(s)
      nouvelles_lésions`,
    pregnancy: `enceinte grossesse test_positif fausse_couche allaite allaitement`,
    'medication-error': `mauvaise_dose double_dose surdosage erreur_de_dose erreur au_lieu_d_un
      au_lieu_d_une au_lieu_de pris_deux trompé(e)(s) par_erreur oubli_de_dose doses_oubliées
      sans_ordonnance détourné(e)`,
    'product-issue': `défectueu(x|se|ses) défaut bloqué(e)(s) coincé(e)(s) cassé(e)(s) fissuré(e)(s)
      fuite(s) fuit ne_sort_pas n_est_pas_sortie ne_clique_pas ne_fonctionne_plus ne_marche_plus
      pas_déclenché s_est_pas_déclenché ne_s_est_pas_déclenché contrefaçon faux_médicament périmé(e)(s)
      emballage_abîmé boîte_abîmée comprimé(s)_cassé(s) effrité(s) a_changé_de_couleur couleur_bizarre
      odeur_bizarre particules dose_pas_passée tordu(e)(s) aiguille_tordue`,
  },
  labValues: `lymphocyte(s) lympho(s) leucocytes globules_blancs neutrophiles pnn plaquettes hb
    hémoglobine alat asat ggt transa(s) transaminase(s) bilirubine bili tsh créat créatinine dfg
    crp lipase amylase inr potassium kaliémie sodium glycémie glycemie glucose sucre hba1c
    fréquence_cardiaque fc pouls cœur tension saturation sat spo2 température temp index_jcv`,
  labChanges: `bas(se)(s) basse(s) élevé(e)(s) haut(e)(s) monté(e)(s) montées grimpé(e)(s) chuté(e)(s)
    chute tombé(e)(s) effondré(e)(s) perturbé(e)(s) anormal(e)(s) doublé(e)(s) triplé(e)(s) en_baisse
    en_hausse explosé(e)(s)`,
  patientMarkers: `je j me m moi mon ma mes
    fils fille mère père mari femme conjoint conjointe compagnon compagne enfant(s) bébé
    grand_mère grand_père mamie papi frère sœur ami(e) copain copine maman papa pote meilleure_pote
    meilleur_pote coloc colocataire oncle tante cousin(e) neveu nièce voisin(e) collègue
    je_commence_à j_ai_commencé mon_patient ma_patiente mes_patient(e)(s) un_patient une_patiente patient(e) elle lui`,
  hypotheticals: `peur_de peur_d peur_des peur_du peur_d_avoir crainte(s) crains craint risque_de risque_d risques
    peut peuvent peut_provoquer peut_donner peut_causer pourrait pourraient éviter
    prévenir m_a_prévenu(e) pour_ne_pas_avoir est-ce_que_ça_donne trouille_de trouille_des trouille_bleue_de trouille_bleue_des
    peur_bleue_de peur_bleue_des lis_des_trucs_sur je_lis lire_sur`,
  conditionals: `si_je si_j si_on si_tu si_elle si_il s_il s_ils si_ça si_jamais en_cas_de au_cas_où
    hypothétiquement`,
  negators:
    'pas aucun aucune sans jamais ni zéro très_peu_de très_peu_d moins_de moins_d pas_un_seul pas_une_seule',
  notYetTaking: `avant_de_commencer avant_de_le_prendre avant_de_la_prendre pas_encore_commencé
    hésite_à_commencer peur_de_commencer je_commence_dans commence_dans demain_je_commence
    je_commence_demain démarre_en démarre_dans vais_commencer dois_commencer je_commence veut_mettre
    veut_me_mettre veut_le_mettre veut_la_mettre doit_passer_sous va_passer_sous`,
  causalityDoubts: `pas_sûr(e)_que pas_sûr(e)_si je_sais_pas_si je_ne_sais_pas_si je_me_demande_si
    peut-être coïncidence`,
  causalityDenied: `rien_à_voir aucun_rapport c_était_pas_le c_était_pas_la
    c_était_pas_à_cause ce_n_était_pas_le ce_n_était_pas_la n_était_pas_le n_était_pas_la le_vrai_coupable la_vraie_cause bien_avant
    existai(en)t_avant j_ai_cru_que je_croyais_que j_ai_accusé`,
  reportWords: `agence ansm ema étude(s) essai(s) données réévaluation rapport(s) alerte(s)
    rappel rappel_de_lot lot selon pharmacovigilance enquête chercheurs publié(e)(s) revue pourcentage
    incidence taux cas_de`,
};

/** Emojis that stand for a symptom (the same in every language), by class. */
export const PV_EVENT_EMOJIS: ReadonlyArray<readonly [PvEventClass, string]> = [
  ['gastrointestinal', '🤢 🤮'],
  ['nervous', '🥴 😵'],
  ['general', '🤒 🥵'],
  ['musculoskeletal', '🤕'],
  ['vascular', '🩸'],
];
