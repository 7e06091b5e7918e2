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
`
  .trim()
  .split(/\s+/);
