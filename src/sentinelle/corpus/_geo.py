# ruff: noqa: E501  (data tables: one entry per line)
"""Gazetteer and calendar for the synthetic corpus.

Every surface form maps to the canonical label (SCHEMA.md: accents, hyphens, slang resolved,
arrondissements mapped to the city, neighbourhoods dropped). All data is embedded so the
generator works without /work/shared.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

# code|department name|Canonical=variant,variant|short|postcode|Neighbour=var,var;Neighbour|quartier,quartier
_FR = """\
75|Paris|Paris=Paname,PARIS|pa|75018|Saint-Ouen-sur-Seine=St-Ouen,Saint-Ouen;Montreuil;Clichy;Levallois-Perret=Levallois;Pantin;Bagnolet;Vincennes;Ivry-sur-Seine=Ivry|Barbès,Pigalle,Château-Rouge,Belleville,Oberkampf,Bastille,le Marais,Stalingrad
93|Seine-Saint-Denis|Saint-Denis=St-Denis,St Denis|sd|93200|Aubervilliers=Auber;Pierrefitte-sur-Seine=Pierrefitte;Stains;La Courneuve=Courneuve;Épinay-sur-Seine=Epinay;Villetaneuse|Franc-Moisin,Pleyel,Cosmonautes
93|Seine-Saint-Denis|Sevran|sev|93270|Aulnay-sous-Bois=Aulnay;Villepinte;Tremblay-en-France=Tremblay;Livry-Gargan=Livry;Bondy;Clichy-sous-Bois=Clichy-ss-Bois|Beaudottes,Rougemont,les 3000
94|Val-de-Marne|Créteil=Creteil|crt|94000|Vitry-sur-Seine=Vitry;Maisons-Alfort;Champigny-sur-Marne=Champigny;Choisy-le-Roi=Choisy;Villejuif;Alfortville|Mont-Mesly,Haut-du-Mont-Mesly
92|Hauts-de-Seine|Nanterre|ntr|92000|Colombes;Gennevilliers;Asnières-sur-Seine=Asnières;Rueil-Malmaison=Rueil;Courbevoie;Puteaux|Pablo-Picasso,Petit-Nanterre
95|Val-d'Oise|Sarcelles|sarc|95200|Garges-lès-Gonesse=Garges;Villiers-le-Bel;Goussainville;Argenteuil;Cergy|Lochères,Flanades
91|Essonne|Évry-Courcouronnes=Evry,Évry|evry|91000|Corbeil-Essonnes=Corbeil;Grigny;Ris-Orangis=Ris;Massy;Viry-Châtillon=Viry|Pyramides,Grande-Borne
78|Yvelines|Mantes-la-Jolie=Mantes|mnt|78200|Les Mureaux=les Mureaux;Trappes;Poissy;Versailles|Val-Fourré
77|Seine-et-Marne|Meaux|mx|77100|Chelles;Melun;Torcy;Lagny-sur-Marne=Lagny|Beauval,Pierre-Collinet
69|Rhône|Lyon=lyon,LYON|lyn|69007|Villeurbanne=Villeur;Vénissieux=Vénis,Venissieux;Vaulx-en-Velin=Vaulx;Bron;Tassin-la-Demi-Lune=Tassin;Caluire-et-Cuire=Caluire;Oullins;Rillieux-la-Pape=Rillieux;Saint-Priest=St-Priest|Guillotière,Croix-Rousse,Part-Dieu,Minguettes,Mas-du-Taureau
13|Bouches-du-Rhône|Marseille=Marsoille,Marseil|mrs|13013|Aubagne;Allauch;Vitrolles;Marignane;Aix-en-Provence=Aix;Plan-de-Cuques|Frais-Vallon,la Castellane,Busserine,Noailles,Vieux-Port,Félix-Pyat
42|Loire|Saint-Étienne=Sainté,St Etienne,Saint-Etienne,St-Étienne|ste|42000|Saint-Chamond=St-Chamond;Firminy;Roche-la-Molière;Villars;Andrézieux-Bouthéon=Andrézieux|Montreynaud,Tarentaize,Beaubrun
38|Isère|Grenoble=Grenob|gre|38100|Échirolles=Echirolles,Échi;Saint-Martin-d'Hères=SMH,St-Martin-d'Hères;Fontaine;Meylan;Seyssinet-Pariset=Seyssinet|Villeneuve,Mistral,Teisseire
31|Haute-Garonne|Toulouse=Tlse,Toulouz|tls|31000|Blagnac;Colomiers;Balma;Tournefeuille;Muret;L'Union|Mirail,Bagatelle,Empalot,Izards,Reynerie
33|Gironde|Bordeaux=bdx,BX|bdx|33000|Mérignac=Merignac;Pessac;Talence;Bègles=Begles;Lormont;Cenon;Floirac|Chartrons,la Bastide,Grand-Parc,Saint-Michel
44|Loire-Atlantique|Nantes=nantes|nts|44000|Saint-Herblain=St-Herblain,St Herblain;Rezé=Reze;Orvault;Saint-Sébastien-sur-Loire=St-Séb;Carquefou;Bouguenais|Bellevue,Dervallières,Malakoff,Bouffay
59|Nord|Lille=lille|lil|59000|Roubaix;Tourcoing;Villeneuve-d'Ascq=Villeneuve d'Ascq,VDA;Lomme;Wattrelos;Mons-en-Barœul=Mons-en-Baroeul|Wazemmes,Moulins,Fives,Lille-Sud
59|Nord|Valenciennes=Valenciennes|vln|59300|Anzin;Denain;Saint-Saulve;Marly;Condé-sur-l'Escaut=Condé|Dutemple
59|Nord|Dunkerque=Dunkerke|dk|59140|Grande-Synthe;Coudekerque-Branche=Coudekerque;Saint-Pol-sur-Mer;Gravelines|Île-Jeanty
62|Pas-de-Calais|Lens|lns|62300|Liévin=Lievin;Hénin-Beaumont=Hénin;Avion;Bully-les-Mines;Béthune=Bethune|Grande-Résidence
62|Pas-de-Calais|Calais|cal|62100|Coquelles;Marck;Boulogne-sur-Mer;Saint-Omer|Beau-Marais
80|Somme|Amiens|ami|80000|Longueau;Camon;Rivery;Abbeville|Étouvie,Amiens-Nord
76|Seine-Maritime|Rouen|rou|76000|Sotteville-lès-Rouen=Sotteville;Le Grand-Quevilly=Grand-Quevilly,Grand Quevilly;Le Petit-Quevilly=Petit-Quevilly;Saint-Étienne-du-Rouvray=St-Étienne-du-Rouvray;Mont-Saint-Aignan|Hauts-de-Rouen,Grammont
14|Calvados|Caen|caen|14000|Hérouville-Saint-Clair=Hérouville;Ifs;Mondeville;Colombelles;Bayeux|Guérinière,Pierre-Heuzé
50|Manche|Cherbourg-en-Cotentin=Cherbourg|chbg|50100|Équeurdreville-Hainneville=Équeurdreville;Tourlaville;La Glacerie|Provinces
29|Finistère|Brest|brst|29200|Guipavas;Le Relecq-Kerhuon=Relecq-Kerhuon;Plougastel-Daoulas=Plougastel;Gouesnou|Pontanézen,Recouvrance
29|Finistère|Quimper|qmp|29000|Ergué-Gabéric;Douarnenez;Concarneau|Kermoysan
56|Morbihan|Lorient|lrt|56100|Lanester;Ploemeur;Hennebont;Larmor-Plage|Kervénanec
56|Morbihan|Vannes|vns|56000|Séné;Saint-Avé;Theix-Noyalo;Arradon|Kercado,Ménimur
22|Côtes-d'Armor|Saint-Brieuc=St-Brieuc,St Brieuc|stb|22000|Plérin;Ploufragan;Langueux;Trégueux|Balzac
35|Ille-et-Vilaine|Rennes|rnn|35000|Chantepie;Saint-Grégoire=St-Grégoire;Pacé;Vezin-le-Coquet;Thorigné-Fouillard=Thorigné|Villejean,Maurepas,le Blosne,Cleunay
35|Ille-et-Vilaine|Saint-Malo=St-Malo,St Malo|stm|35400|Dinard;Cancale;Saint-Jouan-des-Guérets|la Découverte
49|Maine-et-Loire|Angers|agr|49000|Avrillé;Trélazé;Les Ponts-de-Cé=Ponts-de-Cé;Saint-Barthélemy-d'Anjou=St-Barth;Beaucouzé|Monplaisir,Belle-Beille,la Roseraie
72|Sarthe|Le Mans=le mans,LM|lmn|72000|Allonnes;Coulaines;Arnage;Sargé-lès-le-Mans=Sargé|les Sablons,Ronceray
37|Indre-et-Loire|Tours|trs|37000|Joué-lès-Tours=Joué;Saint-Pierre-des-Corps=St-Pierre-des-Corps,St Pierre des Corps;Saint-Cyr-sur-Loire=St-Cyr;Chambray-lès-Tours=Chambray|Sanitas,la Rabière
45|Loiret|Orléans=Orleans|orl|45000|Fleury-les-Aubrais=Fleury;Saint-Jean-de-Braye=St-Jean-de-Braye;Olivet;Saran;Saint-Jean-de-la-Ruelle|l'Argonne,la Source
18|Cher|Bourges|brg|18000|Saint-Doulchard;Vierzon;Saint-Germain-du-Puy|la Chancellerie
36|Indre|Châteauroux=Chateauroux,Chtx|chx|36000|Déols=Deols;Le Poinçonnet;Issoudun|Saint-Jean
86|Vienne|Poitiers|ptr|86000|Buxerolles;Chasseneuil-du-Poitou=Chasseneuil;Saint-Benoît;Châtellerault=Chatellerault|Couronneries,Trois-Cités
17|Charente-Maritime|La Rochelle=LR,la rochelle|lrch|17000|Aytré;Lagord;Périgny;Puilboreau;Rochefort|Mireuil,Villeneuve-les-Salines
16|Charente|Angoulême=Angouleme|agl|16000|Soyaux;La Couronne;Ruelle-sur-Touvre=Ruelle;Gond-Pontouvre|Basseau,Ma Campagne
87|Haute-Vienne|Limoges|lim|87000|Panazol;Couzeix;Isle;Le Palais-sur-Vienne|Beaubreuil,Val-de-l'Aurence
19|Corrèze|Brive-la-Gaillarde=Brive|brv|19100|Malemort;Tulle;Ussac|Tujac
24|Dordogne|Périgueux=Perigueux|pgx|24000|Boulazac Isle Manoire=Boulazac;Trélissac;Coulounieix-Chamiers=Chamiers|la Boucle
47|Lot-et-Garonne|Agen|agn|47000|Le Passage;Boé;Bon-Encontre;Villeneuve-sur-Lot|Montanou
40|Landes|Mont-de-Marsan=Mont de Marsan|mdm|40000|Saint-Pierre-du-Mont;Dax|le Peyrouat
64|Pyrénées-Atlantiques|Pau|pau|64000|Lons;Billère;Jurançon;Lescar|Ousse-des-Bois,Saragosse
64|Pyrénées-Atlantiques|Bayonne|byn|64100|Anglet;Biarritz;Boucau;Tarnos|Hauts-de-Bayonne
65|Hautes-Pyrénées|Tarbes|trb|65000|Aureilhan;Séméac;Lourdes|Laubadère
81|Tarn|Albi|alb|81000|Saint-Juéry;Lescure-d'Albigeois;Castres;Gaillac|Cantepau
82|Tarn-et-Garonne|Montauban|mtb|82000|Castelsarrasin;Moissac;Montech|Chambord
46|Lot|Cahors|chr|46000|Pradines;Figeac|Terre-Rouge
12|Aveyron|Rodez|rdz|12000|Onet-le-Château;Le Monastère;Luc-la-Primaube|Gourgan
66|Pyrénées-Orientales|Perpignan=Perpi|ppg|66000|Canet-en-Roussillon=Canet;Cabestany;Saint-Estève;Rivesaltes;Argelès-sur-Mer=Argelès|Saint-Jacques,Bas-Vernet
11|Aude|Narbonne|nrb|11100|Carcassonne;Gruissan;Coursan|Saint-Jean-Saint-Pierre
34|Hérault|Béziers=Beziers|bzr|34500|Agde;Sérignan;Valras-Plage;Sète|la Devèze
34|Hérault|Montpellier=Montpel,Mtp|mpl|34000|Juvignac;Saint-Jean-de-Védas=St-Jean-de-Védas;Grabels;Mauguio;Montferrier-sur-Lez|la Paillade,Mosson,Petit-Bard,Antigone
30|Gard|Nîmes=Nimes|nim|30000|Alès=Ales;Saint-Gilles;Vauvert;Marguerittes;Beaucaire|Pissevin,Valdegour,Chemin-Bas
84|Vaucluse|Avignon|avg|84000|Le Pontet;Cavaillon;Carpentras;Sorgues;Orange|Monclar,Saint-Chamand
83|Var|Toulon|tln|83000|La Seyne-sur-Mer=La Seyne;Hyères=Hyeres;La Garde;La Valette-du-Var=La Valette;Six-Fours-les-Plages=Six-Fours|Pontcarral,Sainte-Musse
06|Alpes-Maritimes|Nice|nce|06000|Cagnes-sur-Mer=Cagnes;Saint-Laurent-du-Var=St-Laurent-du-Var;Antibes;Cannes;Menton;Grasse|l'Ariane,les Moulins,Las Planas
04|Alpes-de-Haute-Provence|Manosque|mnq|04100|Digne-les-Bains=Digne;Sisteron;Forcalquier|Serret
05|Hautes-Alpes|Gap|gap|05000|Briançon;Embrun|Beauregard
73|Savoie|Chambéry=Chambery|chy|73000|Aix-les-Bains;La Motte-Servolex;Bassens;Albertville|Bissy,les Hauts-de-Chambéry
74|Haute-Savoie|Annecy|ncy|74000|Annemasse;Seynod;Cluses;Thonon-les-Bains=Thonon|Novel
01|Ain|Bourg-en-Bresse=Bourg|beb|01000|Viriat;Péronnas;Oyonnax;Ambérieu-en-Bugey=Ambérieu|la Croix-Blanche
26|Drôme|Valence|vlc|26000|Bourg-lès-Valence;Portes-lès-Valence;Romans-sur-Isère=Romans;Montélimar|Fontbarlettes,le Polygone
07|Ardèche|Privas|prv|07000|Aubenas;Annonay;Guilherand-Granges|Nouvel-Horizon
43|Haute-Loire|Le Puy-en-Velay=Le Puy|lpv|43000|Vals-près-le-Puy;Espaly-Saint-Marcel;Brives-Charensac|Guitard
15|Cantal|Aurillac|aur|15000|Arpajon-sur-Cère;Ytrac|Marmiers
63|Puy-de-Dôme|Clermont-Ferrand=Clermont,Clermont-Fd,Clermont Fd|clf|63000|Riom;Thiers;Issoire;Beaumont;Gerzat|Croix-de-Neyrat,Saint-Jacques,la Gauthière
03|Allier|Montluçon=Montlucon|mlc|03100|Vichy;Moulins;Domérat;Désertines|Fontbouillant
58|Nièvre|Nevers|nvr|58000|Varennes-Vauzelles;Fourchambault;Cosne-Cours-sur-Loire=Cosne|le Banlay
89|Yonne|Auxerre|axr|89000|Sens;Monéteau;Joigny|Sainte-Geneviève
71|Saône-et-Loire|Chalon-sur-Saône=Chalon|chln|71100|Mâcon=Macon;Le Creusot;Montceau-les-Mines=Montceau;Saint-Rémy|Prés-Saint-Jean
21|Côte-d'Or|Beaune|bne|21200|Nuits-Saint-Georges;Chagny;Savigny-lès-Beaune|Saint-Jacques
39|Jura|Lons-le-Saunier=Lons|lls|39000|Dole;Saint-Claude;Montmorot|les Mouillères
25|Doubs|Besançon=Besancon,Besak|bsc|25000|Montbéliard;Audincourt;Pontarlier;Valentigney;Saint-Vit|Planoise,Montrapon
90|Territoire de Belfort|Belfort|blf|90000|Valdoie;Offemont;Bavilliers|les Résidences
70|Haute-Saône|Vesoul|vsl|70000|Lure;Gray;Luxeuil-les-Bains|le Montmarin
68|Haut-Rhin|Mulhouse|mlh|68100|Illzach;Wittenheim;Kingersheim;Riedisheim;Colmar;Saint-Louis|Coteaux,Drouot,Bourtzwiller
67|Bas-Rhin|Strasbourg=Stras,Sxb|sxb|67000|Schiltigheim=Schilick;Illkirch-Graffenstaden=Illkirch;Bischheim;Lingolsheim;Hoenheim;Haguenau|Neuhof,Hautepierre,Cronenbourg,Esplanade,Elsau
57|Moselle|Metz|mtz|57000|Woippy;Montigny-lès-Metz=Montigny;Thionville;Forbach;Hayange|Borny,Bellecroix,le Sablon
54|Meurthe-et-Moselle|Nancy|nan|54000|Vandœuvre-lès-Nancy=Vandoeuvre,Vandœuvre;Laxou;Maxéville;Tomblaine;Villers-lès-Nancy=Villers|Haussonville,Plateau-de-Haye
88|Vosges|Épinal=Epinal|epn|88000|Golbey;Saint-Dié-des-Vosges=Saint-Dié;Thaon-les-Vosges|Bitola
55|Meuse|Verdun|vrd|55100|Bar-le-Duc;Belleville-sur-Meuse|Planchettes
51|Marne|Reims|rms|51100|Tinqueux;Bétheny;Cormontreuil;Châlons-en-Champagne=Châlons|Croix-Rouge,Orgeval,Wilson
10|Aube|Troyes|try|10000|La Chapelle-Saint-Luc;Saint-André-les-Vergers;Sainte-Savine;Romilly-sur-Seine|les Chartreux
08|Ardennes|Charleville-Mézières=Charleville|chm|08000|Sedan;Rethel;Nouzonville|Ronde-Couture
02|Aisne|Saint-Quentin=St-Quentin|stq|02100|Soissons;Laon;Chauny;Gauchy|Europe
60|Oise|Creil|crl|60100|Nogent-sur-Oise;Montataire;Beauvais;Compiègne;Senlis|Rouher
27|Eure|Évreux=Evreux|evx|27000|Vernon;Louviers;Gravigny|la Madeleine,Nétreville
28|Eure-et-Loir|Chartres|chtr|28000|Lucé;Mainvilliers;Dreux|Beaulieu,Clos-Margot
61|Orne|Alençon=Alencon|alc|61000|Argentan;Flers;Damigny|Perseigne
53|Mayenne|Laval|lvl|53000|Changé;Saint-Berthevin|Saint-Nicolas
85|Vendée|La Roche-sur-Yon=La Roche,La Roche sur Yon|lrsy|85000|Les Sables-d'Olonne=Les Sables;Mouilleron-le-Captif;Challans|la Liberté
79|Deux-Sèvres|Niort|nrt|79000|Chauray;Aiffres;Bressuire|Clou-Bouchet,Tour-Chabot
23|Creuse|Guéret=Gueret|grt|23000|Saint-Vaury;La Souterraine|l'Albatros
41|Loir-et-Cher|Blois|bls|41000|Vineuil;La Chaussée-Saint-Victor;Romorantin-Lanthenay=Romo|Quartier-Nord
2A|Corse-du-Sud|Ajaccio=Ajacciu|ajc|20000|Porticcio;Propriano;Porto-Vecchio|les Jardins-de-l'Empereur,les Salines
2B|Haute-Corse|Bastia|bst|20200|Furiani;Biguglia;Borgo;Corte|Lupino
971|Guadeloupe|Pointe-à-Pitre=Pointe-a-Pitre,Pap|pap|97110|Les Abymes=Abymes;Baie-Mahault;Le Gosier=Gosier|Boissard
972|Martinique|Fort-de-France=Fdf|fdf|97200|Le Lamentin=Lamentin;Schœlcher=Schoelcher|Trénelle
974|La Réunion|Saint-Denis|sdr|97400|Sainte-Marie;Saint-Paul;Le Port|le Chaudron
973|Guyane|Cayenne|cay|97300|Matoury;Rémire-Montjoly|Mirza
"""

# country|tz|lang|Canonical=variant,variant|short|area code (US)|Neighbour=var;...|areas dropped
_ABROAD = """\
UK|uk|en|London=LDN,london|ldn||Croydon|Brixton,Peckham,Hackney,Tottenham,south London,east London
UK|uk|en|Birmingham=Brum,B'ham,Bham|brm||Solihull;Wolverhampton=Wolves;West Bromwich;Walsall|Handsworth,Aston
UK|uk|en|Manchester=Manny,Manc|mcr||Salford;Stockport;Oldham;Bolton|Moss Side,Fallowfield
UK|uk|en|Leeds|lds||Bradford;Wakefield;Huddersfield|Chapeltown,Harehills
UK|uk|en|Liverpool=Liv,Lpool|lpl||Birkenhead;Bootle;St Helens|Toxteth,Everton
UK|uk|en|Bristol|bri||Bath;Weston-super-Mare|St Pauls,Easton
UK|uk|en|Nottingham=Notts,Nottz|ntm||Derby;Mansfield|St Ann's,Radford
UK|uk|en|Sheffield|shf||Rotherham;Barnsley;Doncaster|Page Hall
UK|uk|en|Newcastle upon Tyne=Newcastle,Toon|ncl||Gateshead;Sunderland|Byker,Elswick
UK|uk|en|Glasgow=Glesga|gla||Paisley;Motherwell|the Gorbals,Easterhouse
UK|uk|en|Cardiff|cdf||Newport;Swansea|Splott,Ely
UK|uk|en|Leicester|lei||Loughborough|Highfields
US|us_e|en|Atlanta=ATL|atl|404|Decatur;Marietta|East Point area,Bankhead
US|us_c|en|Houston=H-Town|htx|713|Pasadena;Sugar Land|Third Ward,Fifth Ward
US|us_p|en|Los Angeles=LA|lax|213|Long Beach;Inglewood;Compton|South Central,the Valley
US|us_c|en|Chicago=Chi|chi|312|Evanston;Cicero|South Side,West Side
US|us_e|en|Miami=MIA|mia|305|Hialeah;Miami Gardens|Overtown,Little Haiti
US|us_e|en|Detroit|det|313|Dearborn;Warren|East Side
US|us_e|en|Philadelphia=Philly|phl|215|Camden;Chester|Kensington,North Philly
US|us_m|en|Phoenix|phx|602|Mesa;Tempe;Glendale|Maryvale
US|us_c|en|Dallas|dal|214|Irving;Garland|Oak Cliff
BE|fr|fr|Bruxelles=Brux,BXL|bxl||Molenbeek-Saint-Jean=Molenbeek;Anderlecht;Schaerbeek;Ixelles|Matonge,Gare du Midi
BE|fr|fr|Liège=Liege|lge||Seraing;Herstal|Outremeuse
BE|fr|fr|Charleroi=Chaleroi,Carolo|crl||Châtelet;Fleurus|la Ville-Haute
BE|fr|fr|Namur|nmr||Jambes|
BE|fr|fr|Mons|mns||Quaregnon;La Louvière|
CH|fr|fr|Genève=Geneve,GVA|gva||Carouge;Vernier;Lancy;Meyrin|les Pâquis,Plainpalais
CH|fr|fr|Lausanne=Lsne|lsn||Renens;Prilly|le Flon
CH|fr|fr|Neuchâtel=Neuchatel|neu||La Chaux-de-Fonds|
"""


@dataclass(frozen=True)
class Town:
    canon: str
    forms: tuple[str, ...]  # surface forms (canonical first)


@dataclass
class Cluster:
    country: str
    tz: str
    lang: str
    dept: str
    dept_name: str
    main: Town
    short: str
    postcode: str
    area: str
    neighbours: list[Town] = field(default_factory=list)
    quarters: list[str] = field(default_factory=list)
    arr: int = 0  # number of arrondissements (Paris 20, Lyon 9, Marseille 16)


def _town(spec: str) -> Town:
    if "=" in spec:
        canon, rest = spec.split("=", 1)
        forms = (canon, *[f for f in rest.split(",") if f])
    else:
        canon, forms = spec, (spec,)
    return Town(canon, forms)


def _parse() -> tuple[list[Cluster], list[Cluster]]:
    fr: list[Cluster] = []
    for line in _FR.splitlines():
        dept, dname, main, short, pc, neigh, quarters = line.split("|")
        c = Cluster(
            "FR",
            "fr",
            "fr",
            dept,
            dname,
            _town(main),
            short,
            pc,
            "",
            [_town(s) for s in neigh.split(";") if s],
            [q for q in quarters.split(",") if q],
        )
        c.arr = {"Paris": 20, "Lyon": 9, "Marseille": 16}.get(c.main.canon, 0)
        fr.append(c)
    ab: list[Cluster] = []
    for line in _ABROAD.splitlines():
        country, tz, lang, main, short, area, neigh, quarters = line.split("|")
        ab.append(
            Cluster(
                country,
                tz,
                lang,
                "",
                "",
                _town(main),
                short,
                "",
                area,
                [_town(s) for s in neigh.split(";") if s],
                [q for q in quarters.split(",") if q],
            )
        )
    return fr, ab


FR_CLUSTERS, ABROAD_CLUSTERS = _parse()
UK_CLUSTERS = [c for c in ABROAD_CLUSTERS if c.country == "UK"]
US_CLUSTERS = [c for c in ABROAD_CLUSTERS if c.country == "US"]
BE_CLUSTERS = [c for c in ABROAD_CLUSTERS if c.country == "BE"]
CH_CLUSTERS = [c for c in ABROAD_CLUSTERS if c.country == "CH"]
DEPT_NAMES: dict[str, str] = {c.dept: c.dept_name for c in FR_CLUSTERS}

# ---------------------------------------------------------------- calendar / time zones

_OFFSETS = {  # (winter, summer)
    "fr": ("+01:00", "+02:00"),
    "uk": ("+00:00", "+01:00"),
    "us_e": ("-05:00", "-04:00"),
    "us_c": ("-06:00", "-05:00"),
    "us_m": ("-07:00", "-07:00"),  # Arizona: no DST
    "us_p": ("-08:00", "-07:00"),
}


def _last_sunday(year: int, month: int) -> _dt.date:
    d = _dt.date(year, month + 1, 1) - _dt.timedelta(days=1) if month < 12 else _dt.date(year, 12, 31)
    return d - _dt.timedelta(days=(d.weekday() + 1) % 7)


def _nth_sunday(year: int, month: int, n: int) -> _dt.date:
    d = _dt.date(year, month, 1)
    d += _dt.timedelta(days=(6 - d.weekday()) % 7)
    return d + _dt.timedelta(days=7 * (n - 1))


def add_months(d: _dt.date, months: int) -> _dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    return _dt.date(d.year + y, m + 1, 1)


class Calendar:
    """Precomputed day table: date string, weekday, month and the offset per time zone."""

    def __init__(self, start: str, months: int) -> None:
        d0 = _dt.date.fromisoformat(start[:10])
        d1 = add_months(d0.replace(day=1), max(1, months))
        if d0.day > 1:
            d1 = d1.replace(day=min(d0.day, 28))
        self.days = max(1, (d1 - d0).days)
        self.dates: list[str] = []
        self.weekday: list[int] = []
        self.month: list[int] = []
        self.mday: list[int] = []
        self.offsets: dict[str, list[str]] = {k: [] for k in _OFFSETS}
        for i in range(self.days):
            d = d0 + _dt.timedelta(days=i)
            self.dates.append(d.isoformat())
            self.weekday.append(d.weekday())
            self.month.append(d.month)
            self.mday.append(d.day)
            eu_summer = _last_sunday(d.year, 3) <= d < _last_sunday(d.year, 10)
            us_summer = _nth_sunday(d.year, 3, 2) <= d < _nth_sunday(d.year, 11, 1)
            for k, (w, s) in _OFFSETS.items():
                summer = us_summer if k.startswith("us") else eu_summer
                self.offsets[k].append(s if summer else w)

    def stamp(self, day: int, tz: str, hour: int, minute: int) -> str:
        return f"{self.dates[day]}T{hour:02d}:{minute:02d}:00{self.offsets[tz][day]}"
