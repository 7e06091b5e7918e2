import type { AgencyKind, JurisdictionCode, UnitKind } from '@veza/shared';

export interface AgencyTemplate {
  kind: AgencyKind;
  name: string;
  /** E-mail domain of the agency, always under .example: never a real authority's domain. */
  domain: string;
  units: readonly { name: string; kind: UnitKind }[];
}

/**
 * The organisation of each jurisdiction in its official language and script. Names follow the
 * real structures closely enough to be recognised; NGO shelters are invented.
 */
export const NATIONAL_AGENCIES: Readonly<Record<JurisdictionCode, readonly AgencyTemplate[]>> = {
  RS: [
    {
      kind: 'border_police',
      name: 'Министарство унутрашњих послова – Управа граничне полиције',
      domain: 'ugp.mup.rs.example',
      units: [{ name: 'Одељење за сузбијање прекограничног криминала', kind: 'border' }],
    },
    {
      kind: 'criminal_police',
      name: 'Министарство унутрашњих послова – Управа криминалистичке полиције',
      domain: 'ukp.mup.rs.example',
      units: [
        { name: 'Служба за борбу против организованог криминала', kind: 'organised_crime' },
        { name: 'Одељење за сузбијање трговине људима и кријумчарења људи', kind: 'trafficking' },
        { name: 'Одељење за сузбијање криминала у вези са опојним дрогама', kind: 'drugs' },
      ],
    },
    {
      kind: 'public_order_police',
      name: 'Министарство унутрашњих послова – Управа полиције',
      domain: 'up.mup.rs.example',
      units: [{ name: 'Одељење за јавни ред и мир', kind: 'public_order' }],
    },
    {
      kind: 'prosecution',
      name: 'Тужилаштво за организовани криминал',
      domain: 'tok.rs.example',
      units: [{ name: 'Одсек за трговину људима', kind: 'prosecution' }],
    },
    {
      kind: 'court',
      name: 'Виши суд у Београду – Посебно одељење за организовани криминал',
      domain: 'vsbg.rs.example',
      units: [{ name: 'Кривично веће', kind: 'court' }],
    },
    {
      kind: 'coordinator_office',
      name: 'Канцеларија националног координатора за борбу против трговине људима',
      domain: 'koordinator.rs.example',
      units: [{ name: 'Стручна служба координатора', kind: 'coordination' }],
    },
    {
      kind: 'ngo',
      name: 'Сигурна кућа „Светионик“ за жртве трговине људима',
      domain: 'svetionik.rs.example',
      units: [{ name: 'Служба за непосредну подршку', kind: 'shelter' }],
    },
    {
      kind: 'ministry',
      name: 'Министарство унутрашњих послова',
      domain: 'mup.rs.example',
      units: [
        { name: 'Сектор за информационе и телекомуникационе технологије', kind: 'administration' },
        { name: 'Лице за заштиту података о личности', kind: 'data_protection' },
        { name: 'Центар за основну полицијску обуку', kind: 'training' },
      ],
    },
  ],
  MK: [
    {
      kind: 'border_police',
      name: 'Министерство за внатрешни работи – Сектор за гранични работи и миграции',
      domain: 'granicna.mvr.mk.example',
      units: [{ name: 'Одделение за гранична контрола', kind: 'border' }],
    },
    {
      kind: 'criminal_police',
      name: 'Министерство за внатрешни работи – Оддел за криминалистичка полиција',
      domain: 'kp.mvr.mk.example',
      units: [
        { name: 'Сектор за сузбивање на организиран и сериозен криминал', kind: 'organised_crime' },
        { name: 'Одделение за сузбивање на трговија со луѓе и криумчарење мигранти', kind: 'trafficking' },
        { name: 'Одделение за сузбивање на криминал поврзан со дрога', kind: 'drugs' },
      ],
    },
    {
      kind: 'public_order_police',
      name: 'Министерство за внатрешни работи – Сектор за јавен ред и мир',
      domain: 'jrm.mvr.mk.example',
      units: [{ name: 'Одделение за јавен ред', kind: 'public_order' }],
    },
    {
      kind: 'prosecution',
      name: 'Основно јавно обвинителство за гонење на организиран криминал и корупција',
      domain: 'jo-ok.mk.example',
      units: [{ name: 'Одделение за трговија со луѓе', kind: 'prosecution' }],
    },
    {
      kind: 'court',
      name: 'Основен кривичен суд Скопје',
      domain: 'oks.mk.example',
      units: [{ name: 'Кривичен совет', kind: 'court' }],
    },
    {
      kind: 'coordinator_office',
      name: 'Национална комисија за борба против трговија со луѓе и илегална миграција',
      domain: 'nacionalnakomisija.mk.example',
      units: [{ name: 'Канцеларија на националниот координатор', kind: 'coordination' }],
    },
    {
      kind: 'ngo',
      name: 'Засолниште „Светилник“ за жртви на трговија со луѓе',
      domain: 'svetilnik.mk.example',
      units: [{ name: 'Служба за директна поддршка', kind: 'shelter' }],
    },
    {
      kind: 'ministry',
      name: 'Министерство за внатрешни работи',
      domain: 'mvr.mk.example',
      units: [
        { name: 'Оддел за информатика и телекомуникации', kind: 'administration' },
        { name: 'Офицер за заштита на личните податоци', kind: 'data_protection' },
        { name: 'Центар за обука', kind: 'training' },
      ],
    },
  ],
  AL: [
    {
      kind: 'border_police',
      name: 'Policia e Shtetit – Departamenti i Kufirit dhe Migracionit',
      domain: 'kufiri.asp.al.example',
      units: [{ name: 'Sektori i Kontrollit Kufitar', kind: 'border' }],
    },
    {
      kind: 'criminal_police',
      name: 'Policia e Shtetit – Departamenti i Policisë Kriminale',
      domain: 'pk.asp.al.example',
      units: [
        { name: 'Drejtoria e Hetimit të Krimit të Organizuar', kind: 'organised_crime' },
        { name: 'Sektori i Luftës kundër Trafikimit të Qenieve Njerëzore', kind: 'trafficking' },
        { name: 'Sektori i Luftës kundër Trafikimit të Narkotikëve', kind: 'drugs' },
      ],
    },
    {
      kind: 'public_order_police',
      name: 'Policia e Shtetit – Departamenti i Rendit Publik',
      domain: 'rendi.asp.al.example',
      units: [{ name: 'Sektori i Rendit Publik', kind: 'public_order' }],
    },
    {
      kind: 'prosecution',
      name: 'Prokuroria e Posaçme kundër Korrupsionit dhe Krimit të Organizuar',
      domain: 'spak.al.example',
      units: [{ name: 'Njësia e Prokurorëve për Trafikimin', kind: 'prosecution' }],
    },
    {
      kind: 'court',
      name: 'Gjykata e Posaçme e Shkallës së Parë për Korrupsionin dhe Krimin e Organizuar',
      domain: 'gjkko.al.example',
      units: [{ name: 'Trupi Gjykues', kind: 'court' }],
    },
    {
      kind: 'coordinator_office',
      name: 'Zyra e Koordinatorit Kombëtar kundër Trafikimit të Personave',
      domain: 'koordinatori.al.example',
      units: [{ name: 'Sekretariati Teknik', kind: 'coordination' }],
    },
    {
      kind: 'ngo',
      name: 'Strehëza „Shpresa e Re“ për viktimat e trafikimit',
      domain: 'shpresaere.al.example',
      units: [{ name: 'Shërbimi i Menaxhimit të Rastit', kind: 'shelter' }],
    },
    {
      kind: 'ministry',
      name: 'Ministria e Brendshme',
      domain: 'mb.al.example',
      units: [
        { name: 'Drejtoria e Teknologjisë së Informacionit', kind: 'administration' },
        { name: 'Zyrtari për Mbrojtjen e të Dhënave Personale', kind: 'data_protection' },
        { name: 'Akademia e Sigurisë – Qendra e Trajnimit', kind: 'training' },
      ],
    },
  ],
  XK: [
    {
      kind: 'border_police',
      name: 'Policia e Kosovës – Departamenti i Kufirit',
      domain: 'kufiri.kp.xk.example',
      units: [{ name: 'Njësia e Kontrollit Kufitar', kind: 'border' }],
    },
    {
      kind: 'criminal_police',
      name: 'Policia e Kosovës – Departamenti i Hetimeve',
      domain: 'hetimet.kp.xk.example',
      units: [
        { name: 'Drejtoria për Hetimin e Krimit të Organizuar', kind: 'organised_crime' },
        { name: 'Drejtoria për Hetimin e Trafikimit me Njerëz', kind: 'trafficking' },
        { name: 'Drejtoria për Hetimin e Narkotikëve', kind: 'drugs' },
      ],
    },
    {
      kind: 'public_order_police',
      name: 'Policia e Kosovës – Departamenti i Operacioneve',
      domain: 'operacionet.kp.xk.example',
      units: [{ name: 'Njësia e Rendit Publik', kind: 'public_order' }],
    },
    {
      kind: 'prosecution',
      name: 'Prokuroria Speciale e Republikës së Kosovës',
      domain: 'psrk.xk.example',
      units: [{ name: 'Njësia për Trafikimin me Njerëz', kind: 'prosecution' }],
    },
    {
      kind: 'court',
      name: 'Gjykata Themelore e Prishtinës – Departamenti për Krime të Rënda',
      domain: 'gjykata-pr.xk.example',
      units: [{ name: 'Paneli Gjykues', kind: 'court' }],
    },
    {
      kind: 'coordinator_office',
      name: 'Zyra e Koordinatorit Kombëtar kundër Trafikimit me Njerëz',
      domain: 'koordinatori.xk.example',
      units: [{ name: 'Sekretariati i Koordinatorit', kind: 'coordination' }],
    },
    {
      kind: 'ngo',
      name: 'Streha „Drita“ për viktimat e trafikimit',
      domain: 'streha-drita.xk.example',
      units: [{ name: 'Menaxhimi i Rasteve', kind: 'shelter' }],
    },
    {
      kind: 'ministry',
      name: 'Ministria e Punëve të Brendshme',
      domain: 'mpb.xk.example',
      units: [
        { name: 'Departamenti i Teknologjisë së Informacionit', kind: 'administration' },
        { name: 'Zyrtari për Mbrojtjen e të Dhënave', kind: 'data_protection' },
        { name: 'Akademia e Kosovës për Siguri Publike – Trajnimi', kind: 'training' },
      ],
    },
  ],
  HR: [
    {
      kind: 'border_police',
      name: 'Ravnateljstvo policije – Uprava za granicu',
      domain: 'granica.mup.hr.example',
      units: [{ name: 'Služba za nezakonite migracije', kind: 'border' }],
    },
    {
      kind: 'criminal_police',
      name: 'Ravnateljstvo policije – Uprava kriminalističke policije',
      domain: 'ukp.mup.hr.example',
      units: [
        { name: 'PNUSKOK – Služba organiziranog kriminaliteta', kind: 'organised_crime' },
        { name: 'Odjel za suzbijanje trgovanja ljudima i krijumčarenja', kind: 'trafficking' },
        { name: 'Služba kriminaliteta droga', kind: 'drugs' },
      ],
    },
    {
      kind: 'public_order_police',
      name: 'Ravnateljstvo policije – Uprava policije',
      domain: 'up.mup.hr.example',
      units: [{ name: 'Služba za javni red', kind: 'public_order' }],
    },
    {
      kind: 'prosecution',
      name: 'Ured za suzbijanje korupcije i organiziranog kriminaliteta',
      domain: 'uskok.hr.example',
      units: [{ name: 'Odjel istrage', kind: 'prosecution' }],
    },
    {
      kind: 'court',
      name: 'Županijski sud u Zagrebu – Kazneni odjel',
      domain: 'zszg.hr.example',
      units: [{ name: 'Sudsko vijeće', kind: 'court' }],
    },
    {
      kind: 'coordinator_office',
      name: 'Ured za ljudska prava i prava nacionalnih manjina',
      domain: 'ljudskaprava.hr.example',
      units: [{ name: 'Nacionalni koordinator za suzbijanje trgovanja ljudima', kind: 'coordination' }],
    },
    {
      kind: 'ngo',
      name: 'Sklonište „Most“ za žrtve trgovanja ljudima',
      domain: 'skloniste-most.hr.example',
      units: [{ name: 'Služba za podršku žrtvama', kind: 'shelter' }],
    },
    {
      kind: 'ministry',
      name: 'Ministarstvo unutarnjih poslova',
      domain: 'mup.hr.example',
      units: [
        { name: 'Sektor za informacijske i komunikacijske tehnologije', kind: 'administration' },
        { name: 'Službenik za zaštitu podataka', kind: 'data_protection' },
        { name: 'Policijska akademija – Centar za obuku', kind: 'training' },
      ],
    },
  ],
  BA: [
    {
      kind: 'border_police',
      name: 'Granična policija Bosne i Hercegovine',
      domain: 'granpol.ba.example',
      units: [{ name: 'Odjel za borbu protiv krijumčarenja', kind: 'border' }],
    },
    {
      kind: 'criminal_police',
      name: 'Državna agencija za istrage i zaštitu',
      domain: 'sipa.ba.example',
      units: [
        { name: 'Odjel za borbu protiv organizovanog kriminala', kind: 'organised_crime' },
        { name: 'Odsjek za borbu protiv trgovine ljudima', kind: 'trafficking' },
        { name: 'Odsjek za suzbijanje krijumčarenja opojnih droga', kind: 'drugs' },
      ],
    },
    {
      kind: 'public_order_police',
      name: 'Ministarstvo unutrašnjih poslova Kantona Sarajevo – Uprava policije',
      domain: 'mupks.ba.example',
      units: [{ name: 'Odjeljenje za javni red i mir', kind: 'public_order' }],
    },
    {
      kind: 'prosecution',
      name: 'Tužilaštvo Bosne i Hercegovine',
      domain: 'tuzilastvo.ba.example',
      units: [
        {
          name: 'Posebni odjel za organizovani kriminal, privredni kriminal i korupciju',
          kind: 'prosecution',
        },
      ],
    },
    {
      kind: 'court',
      name: 'Sud Bosne i Hercegovine',
      domain: 'sudbih.ba.example',
      units: [{ name: 'Krivično odjeljenje', kind: 'court' }],
    },
    {
      kind: 'coordinator_office',
      name: 'Ured državnog koordinatora za borbu protiv trgovine ljudima',
      domain: 'koordinator.ba.example',
      units: [{ name: 'Odsjek za borbu protiv trgovine ljudima', kind: 'coordination' }],
    },
    {
      kind: 'ngo',
      name: 'Sigurna kuća „Nada“ za žrtve trgovine ljudima',
      domain: 'sigurnakuca-nada.ba.example',
      units: [{ name: 'Služba za podršku', kind: 'shelter' }],
    },
    {
      kind: 'ministry',
      name: 'Ministarstvo sigurnosti Bosne i Hercegovine',
      domain: 'msb.ba.example',
      units: [
        { name: 'Sektor za informatiku i telekomunikacije', kind: 'administration' },
        { name: 'Službenik za zaštitu ličnih podataka', kind: 'data_protection' },
        { name: 'Agencija za školovanje i stručno usavršavanje kadrova', kind: 'training' },
      ],
    },
  ],
  ME: [
    {
      kind: 'border_police',
      name: 'Uprava policije – Sektor granične policije',
      domain: 'granicna.policija.me.example',
      units: [{ name: 'Odsjek za suzbijanje prekograničnog kriminala', kind: 'border' }],
    },
    {
      kind: 'criminal_police',
      name: 'Uprava policije – Sektor kriminalističke policije',
      domain: 'skp.policija.me.example',
      units: [
        { name: 'Odjeljenje za suzbijanje organizovanog kriminala i korupcije', kind: 'organised_crime' },
        { name: 'Grupa za suzbijanje trgovine ljudima i krijumčarenja', kind: 'trafficking' },
        { name: 'Odsjek za suzbijanje kriminaliteta droga', kind: 'drugs' },
      ],
    },
    {
      kind: 'public_order_police',
      name: 'Uprava policije – Sektor policije opšte nadležnosti',
      domain: 'opn.policija.me.example',
      units: [{ name: 'Odsjek za javni red i mir', kind: 'public_order' }],
    },
    {
      kind: 'prosecution',
      name: 'Specijalno državno tužilaštvo',
      domain: 'sdt.me.example',
      units: [{ name: 'Odjeljenje za trgovinu ljudima', kind: 'prosecution' }],
    },
    {
      kind: 'court',
      name: 'Viši sud u Podgorici – Specijalno odjeljenje',
      domain: 'visisudpg.me.example',
      units: [{ name: 'Krivično vijeće', kind: 'court' }],
    },
    {
      kind: 'coordinator_office',
      name: 'Kancelarija za borbu protiv trgovine ljudima',
      domain: 'ktlj.me.example',
      units: [{ name: 'Nacionalni koordinator', kind: 'coordination' }],
    },
    {
      kind: 'ngo',
      name: 'Sklonište „Zračak“ za žrtve trgovine ljudima',
      domain: 'zracak.me.example',
      units: [{ name: 'Služba za podršku žrtvama', kind: 'shelter' }],
    },
    {
      kind: 'ministry',
      name: 'Ministarstvo unutrašnjih poslova',
      domain: 'mup.me.example',
      units: [
        { name: 'Direkcija za informaciono-komunikacione tehnologije', kind: 'administration' },
        { name: 'Službenik za zaštitu podataka o ličnosti', kind: 'data_protection' },
        { name: 'Policijska akademija – Centar za obuku', kind: 'training' },
      ],
    },
  ],
};

/** Bodies serving all seven jurisdictions (jurisdiction null). */
export const REGIONAL_AGENCIES: readonly AgencyTemplate[] = [
  {
    kind: 'platform_operator',
    name: 'Veza platform operations',
    domain: 'ops.veza.example',
    units: [
      { name: 'Platform administration', kind: 'administration' },
      { name: 'Data protection office', kind: 'data_protection' },
    ],
  },
  {
    kind: 'international',
    name: 'IOM Regional Office for the Western Balkans',
    domain: 'iom-wb.example',
    units: [{ name: 'Counter-trafficking training programme', kind: 'training' }],
  },
  {
    kind: 'international',
    name: 'UNODC Programme Office for South-Eastern Europe',
    domain: 'unodc-see.example',
    units: [
      { name: 'Regional training team', kind: 'training' },
      { name: 'Crime analysis and research', kind: 'other' },
    ],
  },
];
