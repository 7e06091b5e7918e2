/**
 * Small name pools per language, written in the script the language uses in that jurisdiction
 * (Serbian and Macedonian in Cyrillic). A stand-in until packages/demo/src/people provides the
 * shared REGIONAL_NAMES; only the scenario reads these.
 */
export type NameCulture = 'sr' | 'mk' | 'sq' | 'hr' | 'bs' | 'cnr';

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** Macedonian surnames agree with the person's gender (Николовски / Николовска). */
  feminineSurname?(surname: string): string;
}

const words = (text: string): readonly string[] => text.trim().split(/\s+/);

export const NAME_POOLS: Readonly<Record<NameCulture, NamePool>> = {
  sr: {
    female: words('Милица Јелена Ивана Јована Тијана Снежана Љиљана Драгана Катарина Теодора Анђела Весна'),
    male: words('Марко Никола Ђорђе Стефан Немања Милош Душан Драган Владимир Лазар Урош Предраг'),
    surnames: words(
      'Јовановић Петровић Николић Марковић Ђорђевић Стојановић Илић Станковић Павловић Милошевић Поповић Живковић Тодоровић Лазић Ђокић Ћирић',
    ),
  },
  mk: {
    female: words('Елена Марија Билјана Катерина Фросина Ивана Симона Весна Ана Илина Ангела Тања'),
    male: words('Александар Горан Драган Ѓорѓи Кире Љупчо Трајче Благоја Димитар Стојан Кирил Влатко'),
    surnames: words(
      'Николовски Стојановски Трајковски Петровски Јовановски Ристовски Димитровски Костовски Ангеловски Георгиевски Митревски Поповски Ѓорѓиевски Наумовски Ќосевски',
    ),
    feminineSurname: (surname) => surname.replace(/ски$/u, 'ска'),
  },
  sq: {
    female: words('Drita Arta Blerta Besa Mimoza Valbona Teuta Elira Jehona Qëndresa Fjolla Lindita'),
    male: words('Arben Besnik Ilir Artan Gjergj Luan Fatmir Erion Dritan Skënder Valon Bujar'),
    surnames: words(
      'Hoxha Shehu Gashi Krasniqi Berisha Kelmendi Hasani Ahmeti Bytyqi Rexhepi Kastrati Çela Prifti Dervishi Xhafa',
    ),
  },
  hr: {
    female: words('Ana Lucija Petra Martina Ivona Nikolina Ivana Dora Mateja Klara Antonija Ema'),
    male: words('Ivan Josip Tomislav Ante Hrvoje Krešimir Domagoj Matej Zvonimir Stjepan Davor Karlo'),
    surnames: words(
      'Horvat Kovačević Babić Marić Novak Jurić Knežević Vuković Blažević Grgić Božić Pavić Šarić Lovrić Perković',
    ),
  },
  bs: {
    female: words('Amra Lejla Selma Amina Emina Merima Azra Alma Ajla Jelena Ivana Sabina'),
    male: words('Emir Adnan Haris Kenan Mirza Tarik Edin Senad Nermin Dragan Josip Armin'),
    surnames: words(
      'Hadžić Hodžić Hasanović Begić Delić Mehmedović Alić Karić Softić Kurtović Šehić Jurić Kovačević Petrović Mujić',
    ),
  },
  cnr: {
    female: words('Jelena Milena Tamara Ivana Dragana Sanja Maja Vesna Andrea Nevena Ksenija Marija'),
    male: words('Nikša Vuk Milo Danilo Veljko Radomir Marko Vaso Blažo Savo Mladen Luka'),
    surnames: words(
      'Vujović Radulović Bulatović Vujošević Radonjić Lekić Perović Šćekić Kalezić Mijušković Dragović Pejović Bojović Laković',
    ),
  },
};
