package screens

import "entkiosk/data/text"

// The whole catalogue (data/text), for the tests that read every text.
var (
	textFR     = text.Catalogue(French)
	textEN     = text.Catalogue(English)
	catalogues = map[Lang]map[string]string{French: textFR, English: textEN}
)
