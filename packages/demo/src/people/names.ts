/** Countries of the synthetic population (XK: Kosovo). */
export type PeopleCountry = 'RS' | 'ME' | 'BA' | 'HR' | 'MK' | 'AL' | 'XK';

/** The script a country's records are natively written in. */
export type NativeScript = 'latin' | 'cyrillic';

/** Name pools of one country, in the native spelling of its records. */
export interface NamePool {
  readonly country: PeopleCountry;
  /** Serbian records come in both scripts; pools are kept in Latin and Cyrillic is derived. */
  readonly scripts: readonly NativeScript[];
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly surnames: readonly string[];
}

const words = (s: string): readonly string[] => Object.freeze(s.trim().split(/\s+/));

// Slavic surnames are mostly a root plus -ović/-ević/-ić (Serbia, Montenegro, Bosnia, Croatia) or
// -ski/-ska (North Macedonia); building them from roots gives realistic, large pools with the
// near-collisions (Petrović / Petković) that matching must keep apart.
const expand = (roots: string, suffixes: readonly string[]): readonly string[] =>
  Object.freeze(words(roots).flatMap((root, i) => [root + (suffixes[i % suffixes.length] as string)]));

/**
 * Regional first names and surnames by country. Synthetic persons are drawn from these; the demo
 * scenario reuses them for its users. Keep entries stable: tests and benchmarks depend on them.
 */
export const REGIONAL_NAMES: Readonly<Record<PeopleCountry, NamePool>> = Object.freeze({
  RS: {
    country: 'RS',
    scripts: ['cyrillic', 'latin'],
    male: words(`Marko Nikola Stefan Luka Milan Aleksandar Nemanja Dragan Zoran Ivan Miloš Dejan Goran Nenad
      Srđan Jovan Petar Đorđe Vladimir Dušan Bojan Vuk Uroš Filip Lazar Mihajlo Predrag Slobodan Miroslav
      Branko Dragoljub Radovan Milorad Živko Ljubiša Vojislav Vukašin Danilo Dimitrije Veljko Ognjen Žarko
      Bogdan Čedomir Radoš Sreten Tihomir Momir Vidoje Dobrivoje Strahinja Relja Despot Ćirilo Jakša`),
    female: words(`Ana Marija Milica Jelena Ivana Jovana Dragana Snežana Tijana Katarina Sanja Maja Nataša
      Jasmina Ljiljana Gordana Biljana Mirjana Vesna Tamara Sara Teodora Anđela Kristina Nevena Dušica
      Slađana Olivera Zorica Radmila Svetlana Desanka Vukica Stanislava Danica Milena Ružica Žaklina
      Bojana Đurđa Jagoda Kosana Ljubica Smiljana Vidosava`),
    surnames: expand(
      `Jovan Petr Nikol Mark Đorđ Stojan Il Stank Pavl Miloš Pop Đok Kovač Todor Sim Luk Kost Mitr Obrad
       Živk Rist Stef Radovan Tom Mar Milovan Sav Filip Jank Laz Vas Mladen Petk Rank Peš Vuk Ant Mil Per
       Rad Bab Jur Knež Blaž Grg Bož Mat Ivan Drag Vučk Pej Boj Lak Marink Stanoj Milenk Jakovlj Ivk
       Zdravk Milutin Kostadin Aleks Pant Mihajl Gavril Radosavlj Nedeljk Miljk Cvetk Veljk Jovič Stevan
       Matov Vid Tad Gruj Mit Ćir Mić Stan Ned Bogdan Dimitrij Zor Lazar Ars Đurđ Živan Šant Čol Raj
       Bojk Dragut Ranđel Sretk Tasić Vlaj Žuj Ćurč Šćep Velim Spas Bran Krst Lub Vojin Gaj Dobr`,
      ['ović', 'ević', 'ić', 'ović', 'ić', 'ević'],
    ),
  },
  ME: {
    country: 'ME',
    scripts: ['latin'],
    male: words(`Nikša Radomir Budimir Vaso Milo Ranko Rade Sava Mladen Momčilo Novak Obrad Savo Blažo Vuk
      Danilo Marko Filip Luka Andrija Balša Vukašin Petar Nemanja Miloš Đuro Vojin Vešo Radoje Šćepan
      Dušan Srđan Stefan Jovan Božidar Veselin Mirko Igor Mijat Krsto Lazar Luka Ilija Gojko`),
    female: words(`Milena Jelena Sanja Dragana Milica Jovana Ivana Tamara Anđela Tijana Bojana Danijela
      Vesna Stana Milijana Zorka Ljubica Vukosava Radmila Bosiljka Marija Teodora Nevena Snežana
      Dijana Maša Ksenija Ana Biljana Gordana Olivera`),
    surnames: expand(
      `Vuj Radul Bulat Đukan Vujoš Radonj Lek Per Šćek Kalez Mijušk Drag Vučet Pejan Bojan Lak Raič Pop
       Bečir Dubljev Jovan Kovač Mart Bošk Vlah Dak Šarc Ostoj Stijep Žiž Mugoš Otaš Krivokap Kaluđer
       Vulet Raičev Pavićev Nikč Ćet Marotr Radunov Bakrač Perov Šćep Lazarev Mrdak Đurišic Bak Banj`,
      ['ović', 'ević', 'ić'],
    ),
  },
  BA: {
    country: 'BA',
    scripts: ['latin'],
    male: words(`Emir Adnan Amar Haris Kenan Edin Mirza Almir Senad Nermin Tarik Armin Damir Jasmin Samir
      Elvis Adis Dženan Ismet Mustafa Ibrahim Husein Safet Sead Muhamed Alen Eldin Kemal Zlatan Hasan
      Fikret Muris Nedim Dino Ahmed Enes Omer Faruk Benjamin Jusuf Mehmed Suad Ajdin Vedad Eldar`),
    female: words(`Amra Lejla Selma Amina Emina Merima Alma Aida Azra Lamija Ajla Adna Belma Sabina Nejra
      Dženana Emira Fatima Hana Jasmina Lamija Maida Mirela Sajra Semira Sumeja Šejla Zerina Medina
      Nermina Elma Irma Hatidža Fata Zlata Sanela Mubera Dijana Naida`),
    surnames: expand(
      `Had Hod Hasan Hadžiahmet Beg Del Mehmed Hus Ibrahim Al Avd Kar Salih Omer Soft Muj Kurt Šeh Čol
       Halil Mustaf Sulejman Zuk Smaj Imam Osman Hamz Mahmut Bećir Cer Delal Dizdar Fejz Ganij Hadžiomer
       Ibiš Jašar Kadr Kapid Ljub Mešin Mujkan Nuk Pašal Ramić Sarač Tab Uzun Vran Zahir Bajr Čauš Džaf
       Efend Fazl Gluh Hrust Isak Jahj Kov Lag Mem Nuhanov Obral Pir Rizv Sejd Šabanov Trak Vel`,
      ['žić', 'žić', 'ović', 'ović', 'ić', 'ić'],
    ),
  },
  HR: {
    country: 'HR',
    scripts: ['latin'],
    male: words(`Josip Tomislav Ante Mario Davor Krešimir Hrvoje Matej Domagoj Ivica Stjepan Zvonimir Tin
      Karlo Luka Ivan Marko Petar Nikola Filip Dario Goran Zoran Igor Dražen Boris Damir Vedran Mislav
      Frane Šime Duje Jure Roko Toni Bruno Dino Fran Lovro Vjekoslav Branimir Slavko Zdenko Mladen`),
    female: words(`Lucija Petra Mia Ivona Martina Antonija Nikolina Mateja Dora Lana Ema Klara Paula Ana
      Marija Ivana Katarina Maja Sanja Vesna Gordana Snježana Željka Jasna Mirjana Kristina Tea Nina
      Barbara Helena Marina Andrea Danijela Renata Josipa Dunja Iva Vlatka Zrinka Ankica Branka`),
    surnames: words(`Horvat Kovačević Babić Marić Jurić Novak Kovačić Knežević Vuković Marković Petrović
      Matić Tomić Pavlović Kovač Božić Blažević Grgić Pavić Radić Perić Kralj Šarić Lovrić Brkić
      Vidović Perković Pranjić Barišić Jukić Bošnjak Mandić Galić Katić Vidaković Rajić Crnković Šimić
      Knežić Filipović Lukić Klarić Mlinarić Golubić Bašić Bilić Ćosić Dujmović Ercegović Furlan
      Grubišić Herceg Ivančić Jelić Kolar Krpan Lončar Lovrić Mikulić Nemeth Oreški Perić Piljić
      Rukavina Skoko Štimac Tadić Udovičić Vlašić Zorić Žagar Antolović Bagarić Cindrić Dragičević
      Fabijanić Gašparović Habljak Imbrišak Jakšić Kalinić Lasić Maras Novosel Oršolić Pavlić Rogić
      Sertić Tolić Ujević Vrdoljak Zubčić Žanić Marinić Bedeković Čačić Dolenec Funtak Gverić`),
  },
  MK: {
    country: 'MK',
    scripts: ['cyrillic'],
    male: words(`Александар Горан Дејан Никола Марко Стефан Филип Дарко Игор Златко Тони Бојан Кирил Киро
      Благоја Трајче Љупчо Стојан Влатко Ѓорѓи Димитар Зоран Ивица Јован Костадин Методија Наум Оливер
      Петар Ристо Сашо Тодор Ванчо Христијан Џемаил Ѓоко Ќиро Гоце Мите Панче Перо Славчо Томе Васил`),
    female: words(`Елена Ивана Марија Билјана Весна Катерина Симона Анета Тања Даниела Фросина Илина Ангела
      Александра Благица Бранка Виолета Гордана Драгица Ѓурѓица Емилија Жаклина Јасмина Лидија Магдалена
      Наташа Оливера Снежана Сузана Татјана Христина Цветанка Јованка Менка Невенка Радмила Верица`),
    surnames: expand(
      `Николов Стојанов Трајков Петров Јованов Ристов Димитров Костов Ангелов Георгиев Стефанов Митрев
       Тодоров Попов Наумов Спасов Илиев Марков Андонов Бошков Велков Гаврилов Додев Ѓорѓиев Здравков
       Јакимов Кочов Лазаров Манев Најдов Ордев Пецев Ристев Савев Танев Устев Филипов Христов Цветков
       Чаушев Шуплев Алексов Богданов Вељанов Гошев Деспотов Ѓорѓиев Зафиров Иванов Јанев Крстев Лилов
       Мицков Неделков Павлов Русков Симонов Трпев Анѓелков Ќосев Ѓуров Џамбазов Секулов Шопов`,
      ['ски', 'ски', 'ски', 'ски'],
    ),
  },
  AL: {
    country: 'AL',
    scripts: ['latin'],
    male: words(`Besnik Arben Agim Ilir Artan Driton Gentian Fatmir Xhevdet Bujar Valon Arianit Blerim Shpend
      Gjergj Luan Flamur Ardian Kujtim Florian Endrit Erion Dritan Skënder Mentor Faton Bekim Leutrim
      Ermal Klodian Elton Altin Sokol Gëzim Ylli Petrit Bardhyl Qemal Fatos Astrit Kastriot Mirel Xhafer
      Genc Ledio Rezart Dashamir Shkëlqim Lulzim`),
    female: words(`Dritë Arta Blerta Besa Mimoza Shqipe Valbona Teuta Vjosa Fatime Hana Elira Jehona Albana
      Lindita Mirela Rezarta Anila Edona Fjolla Donjeta Qëndresa Lirije Xhemile Entela Klodiana Mimoza
      Ornela Rudina Suela Valmira Ylberë Zamira Brunilda Diana Elsa Gentiana Jonida Klea Manjola Nertila
      Pranvera Rovena Shpresa Tefta Vera Zana Ardita Blerina`),
    surnames: words(`Hoxha Shehu Gashi Krasniqi Berisha Morina Kelmendi Hasani Ahmeti Bytyqi Shala Rexhepi
      Islami Kastrati Dervishi Leka Kola Çela Prifti Marku Gjoka Dushku Lika Meta Basha Halili Musliu
      Zeqiri Rama Duka Hysa Bajrami Osmani Gjergji Selimi Demiri Ramadani Xhafa Jashari Haxhiu Thaçi
      Limani Sejdiu Kurti Hoxhaj Shkurti Bregu Cani Dedja Frashëri Gjika Hysenaj Kadiu Lleshi Malaj
      Nika Pepa Qosja Rrapaj Sula Tahiri Ujkaj Vata Xhaferi Ymeri Zenelaj Alimani Brahimi Çollaku
      Dibra Elezi Fejzo Gjini Hajdari Idrizi Kapllani Lazaj Mema Ndreu Pllumbi Qerimi Rustemi Shabani
      Toska Veliu Zeka Bushati Dajti Gega Koci Luli Mulaj Palushi Skënderi Tafaj Xhemaili`),
  },
  XK: {
    country: 'XK',
    scripts: ['latin'],
    male: words(`Valon Arianit Blerim Driton Fatmir Arben Agim Besnik Ilir Shpend Leutrim Faton Bekim Mentor
      Albin Arbër Besart Dardan Egzon Fisnik Gazmend Hekuran Ismet Jeton Kushtrim Labinot Muhamet Naim
      Osman Përparim Qendrim Rilind Shkumbin Taulant Uran Visar Xheladin Ylber Zenel Drilon Ardit Burim`),
    female: words(`Vjosa Jehona Edona Fjolla Donjeta Qëndresa Lirije Arbëresha Blerta Drita Elira Albana
      Teuta Valbona Shqipe Mimoza Arta Besa Hana Fatime Ardiana Besarta Diellza Erblina Florentina
      Gresa Hyrije Kaltrina Lumnije Mirlinda Njomza Pranvera Rinora Shkurta Teuta Vlora Xhevahire Zana`),
    surnames: words(`Gashi Krasniqi Berisha Morina Kelmendi Hasani Ahmeti Bytyqi Shala Rexhepi Islami Hoxha
      Sejdiu Kurti Thaçi Limani Jashari Haxhiu Haradinaj Rugova Mustafa Osmani Ramadani Selimi Demiri
      Zeqiri Musliu Halili Kastrati Hyseni Abazi Bajraktari Çeku Dema Elshani Fazliu Gjinovci Hajrizi
      Ibishi Januzi Kryeziu Loxha Maliqi Nura Podvorica Qorri Rama Salihu Syla Tahiri Uka Veseli Ymeri
      Zymberi Avdiu Beqiri Canolli Dugolli Emini Ferati Gërvalla Hoti Imeri Kabashi Llapashtica Mehmeti`),
  },
});

/** All countries with pools, in a fixed order. */
export const PEOPLE_COUNTRIES: readonly PeopleCountry[] = ['RS', 'ME', 'BA', 'HR', 'MK', 'AL', 'XK'];
