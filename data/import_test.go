package data

// importHeader is the export's header in the documented order (DESIGN §5).
const importHeader = "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;" +
	"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n"
