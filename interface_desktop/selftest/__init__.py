"""`interface-desktop --self-test`: checks a bundle works end to end on the machine it is on."""
