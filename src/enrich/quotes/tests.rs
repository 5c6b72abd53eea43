//! Behaviour tests for the quotes stage.
