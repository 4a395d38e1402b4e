package screens

// Placeholder until the screen is written.
func NewLookup(c *Common, nav NavigateMsg) Screen { return &wip{c, "lookup"} }
