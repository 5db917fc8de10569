//! GenVM public ABI definitions shared by guest and host.
#![no_std]
