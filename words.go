package main

import "entkiosk/data/text"

// say is an operator command's words (data/text, the cli area): French,
// the operators' language, with plain spaces (text.Plain). A line with
// verbs is a format for the fmt call around it.
func say(key string) string { return text.Plain(text.French, key) }
