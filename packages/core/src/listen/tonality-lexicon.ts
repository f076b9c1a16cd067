// The French and English tonality lexicon of listening: words and phrases of health conversations
// with a valence from −3 to +3, the words that negate, intensify or soften them, and emojis.
//
// Source: written for kolmap from the vocabulary of patients, carers, clinicians and health media on
// social networks (no list was copied). The valence scale follows the convention of AFINN (Nielsen
// 2011, "A new ANEW: evaluation of a word list for sentiment analysis in microblogs", −5…+5, here
// −3…+3); the rules that use it follow VADER (Hutto & Gilbert 2014, ICWSM) and SO-CAL (Taboada et al.
// 2011, Computational Linguistics 37(2)). Entries are compact: `(a|b)` is a, b or nothing (see
// expandForms); `_` joins the words of a phrase; accents and case are ignored when matching.

/** Languages the lexicon reads. */
export const TONALITY_LANGUAGES = ['fr', 'en'] as const;
export type TonalityLanguage = (typeof TONALITY_LANGUAGES)[number];

/** Entries by valence, space-separated; phrases are joined by `_`. */
type ValenceLists = ReadonlyArray<readonly [valence: number, entries: string]>;

export interface TonalityWordLists {
  valences: ValenceLists;
  /** Words that turn what follows (up to 3 words, within the clause) around. */
  negators: string;
  /** Intensifiers (> 1) and softeners (< 1): factor applied to the valence that follows. */
  intensifiers: ReadonlyArray<readonly [factor: number, entries: string]>;
  /** Words after which the clause weighs more and before which it weighs less ("but"). */
  contrasts: string;
  /** Cues of sarcasm: with one, the post's positive words mean the opposite ("Great, 🙃"). */
  sarcasm: string;
  /**
   * Cues of a clinical or reporting register ("pt", "presents with", "G/L"): a case told this way is
   * information, so its adverse events carry no tone (as news and study words, see pv-lexicon.ts).
   */
  clinicalRegister: string;
}

/** Emojis, the same in every language. */
export const EMOJI_VALENCES: ValenceLists = [
  [3, '😍 🥰 🤩 😭_💜 😭_❤ 😭_💙 😭_💚 😭_🧡'],
  [2, '💪 ❤ 💙 💜 💚 🧡 💛 🙌 🎉 🥳 😊 😀 😃 😄 😁 🤗 👏 🌈 🥹 🔔'],
  [1, '🙏 ✅ ☀ 👍 ✨ 🌟 🙂 💐 🤞'],
  [0, '💀 😅 🥲'],
  [-1, '😕 😔 😬 😴 💸'],
  [-2, '😢 😞 😟 😤 😩 😫 💔 👎 😠 🤢 🤮 😰 😨'],
  [-3, '😭 😡 🤬'],
];

export const ENGLISH_WORDS: TonalityWordLists = {
  valences: [
    [
      3,
      `excellent amazing wonderful fantastic brilliant outstanding incredible superb perfect awesome
      phenomenal love(d) loving thrilled delighted ecstatic breakthrough life_changing life-changing
      over_the_moon never_felt_better could_not_be_happier best cured cannot_thank can_not_thank
      ca_not_thank could_not_thank tears_of_joy happy_tears rang_the_bell no_evidence_of_disease neda`,
    ],
    [
      2,
      `good great happy happier glad pleased proud grateful thankful thank(s) relieved relief hope(ful)
      encouraging promising helpful effective improve(d|s|ment|ments) better success(ful) inspiring
      inspired supportive kind caring beautiful lovely nice impressive enjoy(ed|ing) congrats
      congratulations bravo well_done recommend(ed) win(s) victory progress lifeline celebrate(d)
      smile smiling remission reassur(ed|ing) satisfied step_forward relapse_free lucky blessed fun
      positive comfort(ing|able) safe(r) easier impressed convinc(ed|ing) stable thriving reimbursed
      saved satisfying nicer wizard angel(s) smashed_it finally sorted_now all_good`,
    ],
    [
      1,
      `fine ok okay clear easy strong(er) support calm works working useful fair interesting
      clearly approved fingers_crossed touch_wood knock_on_wood small_price_to_pay so_far_so_good`,
    ],
    [
      -1,
      `tired fatigue sick ill problem(s) delay(ed|s) cancel(led|ed) lost lose losing crash(es|ing)
      unfortunately difficult hard_time side_effect(s) risk(s) numb wait(ed|ing) hypo(s) confus(ed|ing)
      lack(ing) complain(t|ts|ed) worse_than_expected struggle(d) rushed stuck meh pray_for_me denied
      behind missed`,
    ],
    [
      -2,
      `bad sad angry upset disappoint(ed|ing|ment) frustrat(ed|ing|ion) annoy(ed|ing) scared afraid
      fear(s|ful) frightened anxious anxiety worried worry worrying pain(s|ful) hurt(s|ing) suffer(s|ed|ing)
      struggling exhausted exhausting shortage waste useless regret(s|ted) dismissive rude flawed
      fail(ed|s|ure) tears cry(ing) crying shame poor worse toxic toxicity relapse(s|d) flare(s) danger(ous)
      stress(ed|ful) rough ugh lonely isolated ignored neglected fed_up let_down worn_out nightmare_week
      broken upsetting concern(ed|ing) wrong so_done from_hell`,
    ],
    [
      -3,
      `terrible horrible awful worst losing_hope lost_hope lose_hope disgrace(ful) appalling nightmare unbearable hopeless devastated
      miserable hate(d) unacceptable atrocious dreadful brutal excruciating disaster agony despair
      died death scandal(ous) outrageous`,
    ],
  ],
  negators: 'not no never nor without cannot none nothing neither nobody',
  intensifiers: [
    [1.8, 'extremely incredibly absolutely'],
    [
      1.5,
      'very really so such totally truly deeply highly super especially particularly completely',
    ],
    [0.5, 'slightly somewhat a_bit a_little kind_of sort_of fairly'],
  ],
  contrasts: 'but however although',
  sarcasm: `🙃 🙄 🤡 love_that_for_me so_much_for gift_that_keeps_on_giving said_no cool_cool_cool
    thanks_a_lot what_a_perfect perfect_day yeah_right just_what_i_needed`,
  clinicalRegister: `pt pts a_patient our_patient gp_here nurse_here doctor_here neurologist_here
    pharmacist_here presents_with presented_with uln u_l g_dl case_of_the_day`,
};

export const FRENCH_WORDS: TonalityWordLists = {
  valences: [
    [
      3,
      `excellent(e)(s) formidable(s) génial(e) géniaux géniales magnifique(s) superbe(s) parfait(e)(s)
      incroyable(s) extraordinaire(s) merveilleu(x|se|ses) fantastique(s) ador(e|es|é|ée|és|ées|er|ons)
      aux_anges changé_ma_vie sauvé_la_vie jamais_été_aussi_bien jamais_été_aussi_en_forme guéri(e)(s)
      pleure_de_joie pleurer_de_joie pleuré_de_joie larmes_de_joie le_cœur_est_plein`,
    ],
    [
      2,
      `heureu(x|se|ses) content(e)(s) ravi(e)(s) fier fière(s) fiers reconnaissant(e)(s) merci
      soulagement soulagé(e)(s) espoir(s) encourageant(e)(s) prometteu(r|se|rs|ses) efficace(s)
      amélior(é|ée|és|ées|ation|ations|e) mieux succès réussi(e)(s) inspirant(e)(s) adorable(s)
      beau(x) bel belle(s) agréable(s) impressionnant(e)(s) avancée(s) progrès victoire(s) rassuré(e)(s)
      rassurant(e)(s) satisfait(e)(s) souriant(e)(s) sourire(s) revi(s|t|vre) en_forme top meilleur(e)(s)
      bravo félicitations super sympa chouette gentil(le)(s) bienveillant(e)(s) à_l_écoute
      bonne_nouvelle soutien(s) rémission positi(f|ve|fs|ves) recommande(r) confiance réconfort convaincu(e)(s) convaincant(e)(s)
      stable(s) vivant(e)(s) remboursé(e)(s) dans_les_clous sauvé(e)(s) gagnant(e)(s) enfin ouf
      mort(e)(s)_de_rire`,
    ],
    [
      1,
      `bien bon(ne)(s) utile(s) clair(e)(s) clairement facile(s) simple(s) fort(e)(s) marche
      fonctionne intéressant(e)(s) calme serein(e)(s) croise(nt)_les_doigts croisons_les_doigts
      touche_du_bois validé(e)(s) va_mieux`,
    ],
    [
      -1,
      `fatigué(e)(s) fatigue problème(s) annulé(e)(s) reporté(e)(s) attente(s) perdu(e)(s) perds
      malheureusement difficile(s) dur(e)(s) effet(s)_secondaire(s) effet(s)_indésirable(s) risque(s)
      engourdi(e)(s) hypo(s) discutable(s) rupture(s) bloqué(e)(s) pressé(e)(s) manque compliqué(e)(s)
      lourd(e)(s) galère(s) vivement_demain raté(e)(s) en_peut_plus`,
    ],
    [
      -2,
      `mal triste(s) colère fâché(e)(s) énervé(e)(s) déçu(e)(s) décevant(e)(s) déception(s)
      frustré(e)(s) frustrant(e)(s) frustration(s) peur(s) angoisse(s) angoissé(e)(s) anxieu(x|se|ses)
      inquiet inquiète(s) inquiets inquiétude(s) inquiétant(e)(s) douleur(s) douloureu(x|se|ses)
      souffr(e|es|ent|ir|ance|ances) épuisé(e)(s) épuisant(e)(s) lassé(e)(s) pénible(s) dommage
      regret(s) regrette(r) méprisant(e)(s) désagréable(s) toxicité toxique(s) larmes pleur(e|er|s)
      nul(le)(s) inutile(s) mauvais(e)(s) poussée(s) rechute(s) violent(e)(s) stress stressé(e)(s)
      danger(s) dangereu(x|se|ses) abandonné(e)(s) marre pfff pff seul(e)_face méfiance crains craint
      souci(s) pire_que_prévu`,
    ],
    [
      -3,
      `horrible(s) terrible(s) affreu(x|se|ses) catastrophique(s) catastrophe(s) cauchemar(s)
      insupportable(s) inadmissible(s) inacceptable(s) scandale(s) scandaleu(x|se|ses) honteu(x|se|ses)
      honte lamentable(s) désespéré(e)(s) désespoir déteste(r) détesté(e)(s) atroce(s) pire(s)
      n_en_peux_plus n_en_pouvais_plus ras_le_bol perds_espoir perdu_espoir perdre_espoir perdre_l_espoir décès mort(e)(s)`,
    ],
  ],
  negators: 'pas jamais rien aucun aucune sans ni',
  intensifiers: [
    [1.8, 'extrêmement incroyablement vachement profondément'],
    [
      1.5,
      'très vraiment tellement trop si hyper super complètement totalement particulièrement franchement',
    ],
    [0.5, 'un_peu légèrement plutôt'],
  ],
  contrasts: 'mais cependant pourtant toutefois',
  sarcasm: `🙃 🙄 🤡 journée_parfaite qu_ils_disaient qu_il_disait quelle_rapidité merci_du_cadeau
    trop_généreu(x|se) super_printemps me_fait_toujours_tellement_plaisir`,
  clinicalRegister: `un_patient une_patiente chez_un_patient chez_une_patiente neurologue_ici
    médecin_ici pharmacienne_ici pharmacien_ici cas_du_jour g_l g_dl`,
};

/**
 * French "ne" / "n'" negates only with its second half: "je ne recommande cette clinique à personne",
 * "n'a rien fait". The second halves looked for, up to 5 words after it within the clause.
 */
export const FRENCH_NE_PARTNERS = 'pas plus jamais rien personne aucun aucune guère point ni';
