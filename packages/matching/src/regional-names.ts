// Common name parts of the Western Balkans, most frequent first within each list, written in the
// Latin spelling of their language. They seed the default term frequencies: a name part found here
// is a real name, so a one-letter difference to another real name (Petrović / Petković) means a
// different person, while a difference to an unknown spelling (Petrvoić) is more likely a slip.
// Order matters only roughly; the weights derived from it are deliberately coarse.

export const COMMON_SURNAMES: readonly string[] = `
Jovanović Petrović Nikolić Marković Đorđević Stojanović Ilić Stanković Pavlović Milošević Popović
Đokić Kovačević Todorović Simić Lukić Kostić Mitrović Obradović Živković Ristić Stefanović
Radovanović Tomić Marić Milovanović Savić Filipović Janković Lazić Vasić Mladenović Petković Ranković
Pešić Kovač Nikolić Vuković Antić Milić Perić Radić Babić Jurić Knežević Horvat Novak Kovačić Vuković
Tomić Blažević Grgić Pavić Božić Matić Petrić Šarić Lovrić Brkić Hadžić Hodžić Hasanović Hadžiahmetović
Begić Delić Mehmedović Husić Ibrahimović Alić Avdić Karić Salihović Omerović Softić Mujić Kurtović
Đukić Šehić Čolić Halilović Mustafić Sulejmanović Zukić Smajić Imamović Osmanović Hamzić Mahmutović
Nikolovski Stojanovski Trajkovski Petrovski Jovanovski Ristovski Dimitrovski Kostovski Angelovski
Georgievski Stefanovski Mitrevski Todorovski Popovski Naumovski Spasovski Ilievski Markovski
Hoxha Shehu Gashi Krasniqi Berisha Morina Kelmendi Hasani Ahmeti Bytyqi Shala Rexhepi Islami Kastrati
Dervishi Leka Kola Çela Prifti Marku Gjoka Dushku Lika Meta Basha Halili Musliu Zeqiri Rama Duka
Hysa Bajrami Osmani Gjergji Selimi Demiri Ramadani Xhafa Jashari Haxhiu Thaçi Limani Sejdiu Kurti
Vujović Radulović Bulatović Đukanović Vujošević Radonjić Lekić Perović Šćekić Kalezić Mijušković
Ivanović Dragović Vučković Pejović Bojović Laković Marinković Stanojević Milenković Jakovljević
Ivković Zdravković Milutinović Kostadinović Aleksić Pantić Mihajlović Gavrilović Vukić Vučić
Radosavljević Nedeljković Miljković Cvetković Veljković Jovičić Stevanović Matović Vidović
Tadić Grujić Mitić Ćirić Mićić Stanić Nedić Bogdanović Dimitrijević Zorić Lazarević Arsić
Knežić Šimić Perković Pranjić Barišić Jukić Bošnjak Mandić Galić Katić Vidaković Rajić Crnković
Ćosić Čović Kosić Vasiljević Đurić Jevtić Milojević Nešić Bogdanović Milosavljević Vukojević Marjanović
Đurđević Rakić Ristović Stojić Stojković Vučinić Kuzmanović Kecman Spasić Mirković Begović Šarac
Bekteshi Beqiri Berisha Hoti Ismaili Kryeziu Mustafa Salihu Sadiku Syla Tahiri Ymeri Zeka Begaj Hajdari
Petrovski Petkovski Petković Petrić Petrović Petronijević Mujkić Mujić Mujagić Mitrić Mitić Mikić Milić
Nikodić Nikolić Nikolovski Nikšić Hrvat Horvat Horvatić Vučković Vuković Vukčević Vulić Vujić Vujčić
Simić Šimić Šimunović Simović Simonović Savić Šavija Marić Matić Mašić Mačić Radić Radović Rašić
Lukić Lukač Lučić Jović Jokić Jovičić Janjić Jančić Jurić Juričić Perić Perišić Pešić Petić Babić Babović
Kovačić Kovačević Kovač Kovačev Kolić Kolar Kolarić Kostić Košić Kosić Popović Popov Popić Pavić Pavković
Pavlović Pavličić Marković Markić Marjanović Marinković Marinović Milošević Milosavljević Milovanović
Miljanić Miljković Milanović Milenković Milinković Miletić Milutinović Stanković Stanić Stanojević Stojković
Stojanović Stojić Stošić Stević Stevanović Stefanović Tomić Tomašević Tošić Todorović Todić Đorđević
Đurić Đukić Đokić Đurović Đuričić Ilić Ilijić Ivić Ivković Ivanović Ivančić Ivanišević Zorić Zorović Zec
Božić Božović Bošković Bogdanović Bogićević Begić Begović Hadžić Hodžić Hadžiselimović Hasić Hasanović
Husić Hukić Alić Aličić Avdić Avdagić Delić Mehić Mehmedović Mešić Omerović Omić Osmanović
Muratović Mustafić Mušić Selimović Sejdić Šehić Šahinović Zukić Zulić Zahirović Karić Kapić Kadić
Trajkovski Trajkov Trajanovski Dimovski Dimitrovski Dimitrov Angelov Angelovski Stojkovski Stojanovski
Jankovski Janevski Jovanovski Jovanov Ristovski Ristov Kostovski Kostov Spasovski Spasov Iliev Ilievski
Krasniqi Gashi Hoxha Hoxhaj Shehu Shehaj Berisha Beqiri Bekteshi Morina Kelmendi Kastrati
Hasani Hasanaj Ahmeti Ahmetaj Rexhepi Rexhaj Islami Shala Shaqiri Salihu Sadiku Sadiki Zeqiri Zekaj
Vujošević Vujović Vučinić Vukotić Radonjić Radulović Raičević Raković Lekić Leković Perović Pejović
Mijušković Mijatović Mijailović Mihajlović Kalezić Kaluđerović Bulatović Bojović Bojanić
`
  .trim()
  .split(/\s+/);

export const COMMON_GIVEN_NAMES: readonly string[] = `
Marko Nikola Stefan Luka Milan Aleksandar Nemanja Dragan Zoran Ivan Miloš Dejan Goran Nenad Srđan
Jovan Petar Đorđe Vladimir Dušan Bojan Vuk Uroš Filip Lazar Mihajlo Predrag Slobodan Miroslav
Branko Dragoljub Radovan Milorad Živko Ljubiša Vojislav Vukašin Danilo Dimitrije Veljko Ognjen
Ana Marija Milica Jelena Ivana Jovana Dragana Snežana Tijana Katarina Sanja Maja Nataša Jasmina
Ljiljana Gordana Biljana Mirjana Vesna Tamara Sara Teodora Anđela Kristina Nevena Dušica Slađana
Josip Tomislav Ante Mario Davor Krešimir Hrvoje Matej Domagoj Ivica Stjepan Zvonimir Tin Karlo
Lucija Petra Mia Ivona Martina Antonija Nikolina Mateja Dora Lana Ema Klara Paula
Emir Adnan Amar Haris Kenan Edin Mirza Almir Senad Nermin Tarik Armin Damir Jasmin Samir Elvis
Amra Lejla Selma Amina Emina Merima Alma Aida Azra Lamija Ajla Adna Belma Sabina Nejra
Aleksandar Goce Dimitar Zlatko Toni Blagoja Trajče Kiril Kire Ljupčo Stojan Vlatko Darko Igor
Elena Ivana Marija Biljana Vesna Katerina Simona Aneta Tanja Daniela Frosina Ilina Angela
Besnik Arben Agim Ilir Artan Driton Gentian Fatmir Xhevdet Bujar Valon Arianit Blerim Shpend
Gjergj Luan Flamur Ardian Kujtim Florian Endrit Erion Dritan Skënder Mentor Faton Bekim Leutrim
Dritë Drita Arta Blerta Besa Mimoza Shqipe Valbona Teuta Vjosa Fatime Hana Elira Jehona Albana
Arbër Arbëresha Lindita Mirela Rezarta Anila Edona Fjolla Donjeta Qëndresa Lirije Xhemile
Nikša Radomir Budimir Vaso Milo Ranko Rade Sava Mladen Momčilo Novak Obrad Savo Blažo
Milena Milana Jasna Jana Sonja Marina Mira Mirjana Danica Zorica Radmila Vera Nada Olivera Branka
Slavica Svetlana Dragica Ljubica Verica Gorana Mila Jovanka Ivo Dario Gordan Mirko Slavko Dino Ino
Aleksandra Aleksa Aleksej Andrija Andrej Andrea Anja Anka Bogdan Bojana Boris Borislav Branislav
Branislava Danijel Danijela Darija Dario Dejana Dragana Dragoslav Dražen Dražena Goran Gorana Igor Ilija
Ivan Ivana Ivo Iva Jakov Jan Janko Jasna Josipa Jovo Jovica Kata Katica Lazar Lara Luka Lea Marin Marina
Mario Marta Mate Matea Mateo Milan Milana Milen Milena Milica Milka Miljan Miljana Mirko Mirna Mladen
Mladena Nada Nedeljko Nenad Nevena Nikola Nikolina Ognjen Olga Pavle Pavla Petar Petra Radovan Radmila
Rajko Ranka Sanja Saša Siniša Slobodan Slobodanka Srđan Stefan Stefana Stevan Stevo Teodor Teodora
Tomo Tomislav Una Uroš Vanja Vasilije Vesna Vid Vida Vladan Vladana Vojin Zlata Zlatko Zoran Zorana Žarko
Željko Željka Emina Emin Amel Amela Jasmin Jasmina Mirza Mirzad Selma Selim Senad Senada Nermin Nermina
Edin Edina Adnan Adna Haris Hana Kenan Lejla Elma Elmir Admir Admira Dženan Dženana Mehmed Mersiha
Agim Agime Arben Arbena Besnik Besnike Blerim Blerina Bujar Bujare Driton Dritona Fatmir Fatmira Ilir
Ilire Lulzim Lulzime Valon Valona Shpresa Shpend Afrim Afrime Arianit Ardita Ermal Ermira Gëzim Gëzime
Dimitar Dimitrija Kiril Kirila Trajče Trajanka Blagoja Blagica Goce Gorjan Ljupčo Ljupka Zoran Zorica
`
  .trim()
  .split(/\s+/);

/**
 * The listed spellings as written, lower-cased (Šimić, Simić): two of them that differ only by a
 * diacritic are two families, whereas an unlisted spelling without diacritics (Simic) is the
 * usual way of typing either.
 */
export const KNOWN_SPELLINGS: ReadonlySet<string> = new Set(
  [...COMMON_SURNAMES, ...COMMON_GIVEN_NAMES].map((name) => name.normalize('NFC').toLowerCase()),
);
