import type { AuthoredText } from '../indicators.localise.ts';
import { GENERAL_FORMS } from './authoring.ts';
import type { AuthoredIndicator } from './authoring.ts';

export const RAPID_SCREEN_ID = 'veza.rapid';

export const RAPID_SCREEN_TITLE: AuthoredText = {
  en: 'Rapid screen (border, raid, patrol)',
  sq: 'Depistim i shpejtë (kufi, aksion, patrullë)',
  mk: 'Брза проверка (граница, акција, патрола)',
  'sr-Cyrl': 'Брза провера (граница, рација, патрола)',
  bs: 'Brza provjera (granica, racija, patrola)',
  hr: 'Brzi probir (granica, racija, ophodnja)',
  cnr: 'Brza provjera (granica, racija, patrola)',
};

/**
 * Six questions an officer can ask in a few minutes at a border crossing, in a raid or on patrol.
 * They cover the signs short screens rely on most (documents, freedom of movement, threats, debt,
 * who keeps the earnings, compelled offences); any "yes" leads into the full indicator interview.
 */
export const RAPID_SCREEN_INDICATORS: AuthoredIndicator[] = [
  {
    id: 'rapid.documents_held',
    element: 'means',
    iloEcElement: 'coercion_at_destination',
    grade: 'strong',
    exploitationTypes: [...GENERAL_FORMS],
    appliesTo: 'both',
    text: {
      en: "Someone else holds the person's passport or identity documents and will not hand them back.",
      sq: 'Dikush tjetër ia mban personit pasaportën ose dokumentet e identitetit dhe nuk ia kthen.',
      mk: 'Некој друг ги чува пасошот или личните документи на лицето и не сака да му ги врати.',
      'sr-Cyrl': 'Неко други држи пасош или личне документе особе и не жели да их врати.',
      bs: 'Neko drugi drži pasoš ili lične dokumente osobe i ne želi ih vratiti.',
      hr: 'Netko drugi drži putovnicu ili osobne isprave osobe i ne želi ih vratiti.',
      cnr: 'Neko drugi drži pasoš ili lična dokumenta osobe i ne želi da ih vrati.',
    },
  },
  {
    id: 'rapid.not_free_to_leave',
    element: 'means',
    iloEcElement: 'coercion_at_destination',
    grade: 'strong',
    exploitationTypes: [...GENERAL_FORMS],
    appliesTo: 'both',
    text: {
      en: 'The person cannot leave their work or lodging, or go where they want, when they want.',
      sq: 'Personi nuk mund të largohet nga puna ose banesa, apo të shkojë ku dhe kur të dojë.',
      mk: 'Лицето не може да ја напушти работата или сместувањето, ниту да оди каде и кога сака.',
      'sr-Cyrl': 'Особа не може да напусти посао или смештај, нити да иде где и када жели.',
      bs: 'Osoba ne može napustiti posao ili smještaj, niti ići gdje i kada želi.',
      hr: 'Osoba ne može napustiti posao ili smještaj, niti ići kamo i kada želi.',
      cnr: 'Osoba ne može da napusti posao ili smještaj, niti da ide gdje i kad želi.',
    },
  },
  {
    id: 'rapid.threats_or_violence',
    element: 'means',
    iloEcElement: 'coercion_at_destination',
    grade: 'strong',
    exploitationTypes: [...GENERAL_FORMS],
    appliesTo: 'both',
    text: {
      en: 'Someone the person works or travels for has threatened or harmed them or their family.',
      sq: 'Dikush për të cilin personi punon ose me të cilin udhëton e ka kërcënuar ose lënduar atë ose familjen e tij.',
      mk: 'Некој за кого лицето работи или со кого патува му се заканувал или го повредил него или неговото семејство.',
      'sr-Cyrl':
        'Неко за кога особа ради или с ким путује претио је њој или њеној породици, или их је повредио.',
      bs: 'Neko za koga osoba radi ili s kim putuje prijetio je njoj ili njenoj porodici, ili ih je povrijedio.',
      hr: 'Netko za koga osoba radi ili s kim putuje prijetio je njoj ili njezinoj obitelji, ili ih je ozlijedio.',
      cnr: 'Neko za koga osoba radi ili s kim putuje prijetio je njoj ili njenoj porodici, ili ih je povrijedio.',
    },
  },
  {
    id: 'rapid.debt',
    element: 'means',
    iloEcElement: 'coercion_at_destination',
    grade: 'medium',
    exploitationTypes: [...GENERAL_FORMS],
    appliesTo: 'both',
    text: {
      en: 'The person owes money to whoever arranged their travel or work, and the debt keeps them working.',
      sq: 'Personi i detyrohet para atij që ia organizoi udhëtimin ose punën, dhe borxhi e detyron të vazhdojë të punojë.',
      mk: 'Лицето должи пари на оној што му го организирал патувањето или работата, и долгот го тера да продолжи да работи.',
      'sr-Cyrl':
        'Особа дугује новац ономе ко јој је организовао путовање или посао, и због дуга мора да настави да ради.',
      bs: 'Osoba duguje novac onome ko joj je organizovao putovanje ili posao, i zbog duga mora nastaviti raditi.',
      hr: 'Osoba duguje novac onome tko joj je organizirao putovanje ili posao, i zbog duga mora nastaviti raditi.',
      cnr: 'Osoba duguje novac onome ko joj je organizovao putovanje ili posao, i zbog duga mora da nastavi da radi.',
    },
  },
  {
    id: 'rapid.controlled_earnings',
    element: 'purpose',
    iloEcElement: 'exploitative_conditions',
    grade: 'strong',
    exploitationTypes: ['sexual', 'labour', 'begging', 'domestic_servitude'],
    appliesTo: 'both',
    text: {
      en: 'The person works, begs or provides sex for someone else who keeps most of the money, and cannot refuse.',
      sq: 'Personi punon, lyp ose ofron shërbime seksuale për dikë tjetër që ia merr pjesën më të madhe të parave, dhe nuk mund të refuzojë.',
      mk: 'Лицето работи, проси или дава сексуални услуги за друг кој го зема најголемиот дел од парите, и не може да одбие.',
      'sr-Cyrl':
        'Особа ради, проси или пружа сексуалне услуге за другога, који узима већину новца, и не може да одбије.',
      bs: 'Osoba radi, prosi ili pruža seksualne usluge za drugoga, koji uzima većinu novca, i ne može odbiti.',
      hr: 'Osoba radi, prosi ili pruža seksualne usluge za nekog drugog tko uzima većinu novca, i ne može odbiti.',
      cnr: 'Osoba radi, prosi ili pruža seksualne usluge za drugoga, koji uzima većinu novca, i ne može da odbije.',
    },
  },
  {
    id: 'rapid.forced_offences',
    element: 'purpose',
    iloEcElement: 'exploitative_conditions',
    grade: 'strong',
    exploitationTypes: ['forced_criminality'],
    appliesTo: 'both',
    tags: ['drugs'],
    text: {
      en: 'Someone makes the person commit offences, such as stealing, or selling, carrying or growing drugs.',
      sq: 'Dikush e detyron personin të kryejë vepra penale, si vjedhje, ose shitje, bartje apo kultivim droge.',
      mk: 'Некој го принудува лицето да врши кривични дела, како кражби, или продавање, пренесување или одгледување дрога.',
      'sr-Cyrl':
        'Неко приморава особу да чини кривична дела, попут крађе, или продаје, преношења или узгоја дроге.',
      bs: 'Neko prisiljava osobu da čini krivična djela, poput krađe, ili prodaje, prenošenja ili uzgoja droge.',
      hr: 'Netko prisiljava osobu da čini kaznena djela, poput krađe, ili prodaje, prenošenja ili uzgoja droge.',
      cnr: 'Neko primorava osobu da čini krivična djela, poput krađe, ili prodaje, prenošenja ili uzgoja droge.',
    },
  },
];
