package screens

// Placeholder until the screen is written.
func NewActivation(c *Common, nav NavigateMsg) Screen { return &wip{c, "activation"} }
