// Generated from spec/public-abi.json by abi/generate.py; do not edit.
// Regenerate with `python3 abi/generate.py`.

use crate::UnknownValue;
use crate::{StrTrieCode, StrTrieParam};

/// Whether `generations` holds `generation` (a slice search usable in `const fn`).
const fn generations_contain(generations: &[AbiGeneration], generation: AbiGeneration) -> bool {
    let mut i = 0;
    while i < generations.len() {
        if generations[i] as u8 == generation as u8 {
            return true;
        }
        i += 1;
    }
    false
}

/// The ABI lines this crate speaks (spec/abi-generations.md); v0_2 is the default.
///
/// In ABI generations v0.2 and v0.3. This crate's own definition, not GenVM's: the same in every generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum AbiGeneration {
    /// `v0_2` = `v0.2`
    #[default]
    V02,
    /// `v0_3` = `v0.3`
    V03,
}

impl AbiGeneration {
    /// Every value, in definition order.
    pub const ALL: [AbiGeneration; 2] = [AbiGeneration::V02, AbiGeneration::V03];

    /// The raw value.
    pub const fn value(self) -> &'static str {
        match self {
            AbiGeneration::V02 => "v0.2",
            AbiGeneration::V03 => "v0.3",
        }
    }

    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            AbiGeneration::V02 => "v0_2",
            AbiGeneration::V03 => "v0_3",
        }
    }

    /// The default value, as [`Default`] gives it (usable in `const`).
    pub const DEFAULT: AbiGeneration = AbiGeneration::V02;

    /// The raw value (same as [`Self::value`]).
    pub const fn as_str(self) -> &'static str {
        self.value()
    }

    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = &[AbiGeneration::V02, AbiGeneration::V03];

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {
        match self {
            AbiGeneration::V02 => &[AbiGeneration::V02, AbiGeneration::V03],
            AbiGeneration::V03 => &[AbiGeneration::V02, AbiGeneration::V03],
        }
    }

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {
        generations_contain(self.generations(), generation)
    }

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [AbiGeneration] {
        match generation {
            AbiGeneration::V02 => &[AbiGeneration::V02, AbiGeneration::V03],
            AbiGeneration::V03 => &[AbiGeneration::V02, AbiGeneration::V03],
        }
    }
}

impl<'a> TryFrom<&'a str> for AbiGeneration {
    type Error = UnknownValue;

    fn try_from(value: &'a str) -> Result<Self, UnknownValue> {
        match value {
            "v0.2" => Ok(AbiGeneration::V02),
            "v0.3" => Ok(AbiGeneration::V03),
            _ => Err(UnknownValue::value("abi_generation")),
        }
    }
}

impl From<AbiGeneration> for &'static str {
    fn from(value: AbiGeneration) -> &'static str {
        value.value()
    }
}

impl core::str::FromStr for AbiGeneration {
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {
        match name {
            "v0_2" => Ok(AbiGeneration::V02),
            "v0_3" => Ok(AbiGeneration::V03),
            _ => Err(UnknownValue::name("abi_generation")),
        }
    }
}

impl core::fmt::Display for AbiGeneration {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.value())
    }
}

/// First byte of a sub-VM result frame (see framing.md).
///
/// In ABI generations v0.2 and v0.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum ResultCode {
    /// `return` = `0`
    Return = 0,
    /// `user_error` = `1`
    UserError = 1,
    /// `vm_error` = `2`
    VmError = 2,
    /// `internal_error` = `3`; only in v0.2
    InternalError = 3,
}

impl ResultCode {
    /// Every value, in definition order.
    pub const ALL: [ResultCode; 4] = [
        ResultCode::Return,
        ResultCode::UserError,
        ResultCode::VmError,
        ResultCode::InternalError,
    ];

    /// The raw value.
    pub const fn value(self) -> u8 {
        self as u8
    }

    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            ResultCode::Return => "return",
            ResultCode::UserError => "user_error",
            ResultCode::VmError => "vm_error",
            ResultCode::InternalError => "internal_error",
        }
    }

    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = &[AbiGeneration::V02, AbiGeneration::V03];

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {
        match self {
            ResultCode::Return => &[AbiGeneration::V02, AbiGeneration::V03],
            ResultCode::UserError => &[AbiGeneration::V02, AbiGeneration::V03],
            ResultCode::VmError => &[AbiGeneration::V02, AbiGeneration::V03],
            ResultCode::InternalError => &[AbiGeneration::V02],
        }
    }

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {
        generations_contain(self.generations(), generation)
    }

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [ResultCode] {
        match generation {
            AbiGeneration::V02 => &[
                ResultCode::Return,
                ResultCode::UserError,
                ResultCode::VmError,
                ResultCode::InternalError,
            ],
            AbiGeneration::V03 => &[
                ResultCode::Return,
                ResultCode::UserError,
                ResultCode::VmError,
            ],
        }
    }
}

impl TryFrom<u8> for ResultCode {
    type Error = UnknownValue;

    fn try_from(value: u8) -> Result<Self, UnknownValue> {
        match value {
            0 => Ok(ResultCode::Return),
            1 => Ok(ResultCode::UserError),
            2 => Ok(ResultCode::VmError),
            3 => Ok(ResultCode::InternalError),
            _ => Err(UnknownValue::number("result_code", value as u64)),
        }
    }
}

impl From<ResultCode> for u8 {
    fn from(value: ResultCode) -> u8 {
        value.value()
    }
}

impl core::str::FromStr for ResultCode {
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {
        match name {
            "return" => Ok(ResultCode::Return),
            "user_error" => Ok(ResultCode::UserError),
            "vm_error" => Ok(ResultCode::VmError),
            "internal_error" => Ok(ResultCode::InternalError),
            _ => Err(UnknownValue::name("result_code")),
        }
    }
}

impl core::fmt::Display for ResultCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which state a cross-contract read sees.
///
/// In ABI generations v0.2 and v0.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum StorageType {
    /// `default` = `0`
    Default = 0,
    /// `latest_final` = `1`
    LatestFinal = 1,
    /// `latest_non_final` = `2`
    LatestNonFinal = 2,
}

impl StorageType {
    /// Every value, in definition order.
    pub const ALL: [StorageType; 3] = [
        StorageType::Default,
        StorageType::LatestFinal,
        StorageType::LatestNonFinal,
    ];

    /// The raw value.
    pub const fn value(self) -> u8 {
        self as u8
    }

    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            StorageType::Default => "default",
            StorageType::LatestFinal => "latest_final",
            StorageType::LatestNonFinal => "latest_non_final",
        }
    }

    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = &[AbiGeneration::V02, AbiGeneration::V03];

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {
        match self {
            StorageType::Default => &[AbiGeneration::V02, AbiGeneration::V03],
            StorageType::LatestFinal => &[AbiGeneration::V02, AbiGeneration::V03],
            StorageType::LatestNonFinal => &[AbiGeneration::V02, AbiGeneration::V03],
        }
    }

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {
        generations_contain(self.generations(), generation)
    }

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [StorageType] {
        match generation {
            AbiGeneration::V02 => &[
                StorageType::Default,
                StorageType::LatestFinal,
                StorageType::LatestNonFinal,
            ],
            AbiGeneration::V03 => &[
                StorageType::Default,
                StorageType::LatestFinal,
                StorageType::LatestNonFinal,
            ],
        }
    }
}

impl TryFrom<u8> for StorageType {
    type Error = UnknownValue;

    fn try_from(value: u8) -> Result<Self, UnknownValue> {
        match value {
            0 => Ok(StorageType::Default),
            1 => Ok(StorageType::LatestFinal),
            2 => Ok(StorageType::LatestNonFinal),
            _ => Err(UnknownValue::number("storage_type", value as u64)),
        }
    }
}

impl From<StorageType> for u8 {
    fn from(value: StorageType) -> u8 {
        value.value()
    }
}

impl core::str::FromStr for StorageType {
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {
        match name {
            "default" => Ok(StorageType::Default),
            "latest_final" => Ok(StorageType::LatestFinal),
            "latest_non_final" => Ok(StorageType::LatestNonFinal),
            _ => Err(UnknownValue::name("storage_type")),
        }
    }
}

impl core::fmt::Display for StorageType {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// How a contract is entered.
///
/// In ABI generations v0.2 and v0.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum EntryKind {
    /// `main` = `0`
    Main = 0,
    /// `sandbox` = `1`
    Sandbox = 1,
    /// `consensus_stage` = `2`
    ConsensusStage = 2,
}

impl EntryKind {
    /// Every value, in definition order.
    pub const ALL: [EntryKind; 3] = [
        EntryKind::Main,
        EntryKind::Sandbox,
        EntryKind::ConsensusStage,
    ];

    /// The raw value.
    pub const fn value(self) -> u8 {
        self as u8
    }

    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            EntryKind::Main => "main",
            EntryKind::Sandbox => "sandbox",
            EntryKind::ConsensusStage => "consensus_stage",
        }
    }

    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = &[AbiGeneration::V02, AbiGeneration::V03];

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {
        match self {
            EntryKind::Main => &[AbiGeneration::V02, AbiGeneration::V03],
            EntryKind::Sandbox => &[AbiGeneration::V02, AbiGeneration::V03],
            EntryKind::ConsensusStage => &[AbiGeneration::V02, AbiGeneration::V03],
        }
    }

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {
        generations_contain(self.generations(), generation)
    }

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [EntryKind] {
        match generation {
            AbiGeneration::V02 => &[
                EntryKind::Main,
                EntryKind::Sandbox,
                EntryKind::ConsensusStage,
            ],
            AbiGeneration::V03 => &[
                EntryKind::Main,
                EntryKind::Sandbox,
                EntryKind::ConsensusStage,
            ],
        }
    }
}

impl TryFrom<u8> for EntryKind {
    type Error = UnknownValue;

    fn try_from(value: u8) -> Result<Self, UnknownValue> {
        match value {
            0 => Ok(EntryKind::Main),
            1 => Ok(EntryKind::Sandbox),
            2 => Ok(EntryKind::ConsensusStage),
            _ => Err(UnknownValue::number("entry_kind", value as u64)),
        }
    }
}

impl From<EntryKind> for u8 {
    fn from(value: EntryKind) -> u8 {
        value.value()
    }
}

impl core::str::FromStr for EntryKind {
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {
        match name {
            "main" => Ok(EntryKind::Main),
            "sandbox" => Ok(EntryKind::Sandbox),
            "consensus_stage" => Ok(EntryKind::ConsensusStage),
            _ => Err(UnknownValue::name("entry_kind")),
        }
    }
}

impl core::fmt::Display for EntryKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// Permissions a contract sets in the permissions bitfield of its root storage slot.
///
/// In ABI generation v0.3 only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum Permissions {
    /// `can_use_balance_for_message_fees` = `1`
    CanUseBalanceForMessageFees = 1,
}

impl Permissions {
    /// Every value, in definition order.
    pub const ALL: [Permissions; 1] = [Permissions::CanUseBalanceForMessageFees];

    /// The raw value.
    pub const fn value(self) -> u32 {
        self as u32
    }

    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            Permissions::CanUseBalanceForMessageFees => "can_use_balance_for_message_fees",
        }
    }

    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = &[AbiGeneration::V03];

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {
        match self {
            Permissions::CanUseBalanceForMessageFees => &[AbiGeneration::V03],
        }
    }

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {
        generations_contain(self.generations(), generation)
    }

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [Permissions] {
        match generation {
            AbiGeneration::V02 => &[],
            AbiGeneration::V03 => &[Permissions::CanUseBalanceForMessageFees],
        }
    }
}

impl TryFrom<u32> for Permissions {
    type Error = UnknownValue;

    fn try_from(value: u32) -> Result<Self, UnknownValue> {
        match value {
            1 => Ok(Permissions::CanUseBalanceForMessageFees),
            _ => Err(UnknownValue::number("permissions", value as u64)),
        }
    }
}

impl From<Permissions> for u32 {
    fn from(value: Permissions) -> u32 {
        value.value()
    }
}

impl core::str::FromStr for Permissions {
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {
        match name {
            "can_use_balance_for_message_fees" => Ok(Permissions::CanUseBalanceForMessageFees),
            _ => Err(UnknownValue::name("permissions")),
        }
    }
}

impl core::fmt::Display for Permissions {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// Byte offsets of the fields of a contract's root storage slot.
///
/// In ABI generation v0.3 only.
///
/// A group of named numbers rather than an enum: two names may share a
/// value, so there is no conversion from the raw value. The members are
/// associated constants, usable as patterns.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RootOffsets(u8);

#[allow(non_upper_case_globals)]
impl RootOffsets {
    /// `major` = `0`
    pub const Major: RootOffsets = RootOffsets(0);
    /// `contract` = `1`
    pub const Contract: RootOffsets = RootOffsets(1);
    /// `code` = `2`
    pub const Code: RootOffsets = RootOffsets(2);
    /// `locked_slots` = `3`
    pub const LockedSlots: RootOffsets = RootOffsets(3);
    /// `upgraders` = `4`
    pub const Upgraders: RootOffsets = RootOffsets(4);
    /// `code_slot` = `5`
    pub const CodeSlot: RootOffsets = RootOffsets(5);
    /// `permissions` = `37`
    pub const Permissions: RootOffsets = RootOffsets(6);

    /// Every value, in definition order.
    pub const ALL: [RootOffsets; 7] = [
        RootOffsets::Major,
        RootOffsets::Contract,
        RootOffsets::Code,
        RootOffsets::LockedSlots,
        RootOffsets::Upgraders,
        RootOffsets::CodeSlot,
        RootOffsets::Permissions,
    ];

    const VALUES: [u32; 7] = [0, 1, 2, 3, 4, 5, 37];

    const NAMES: [&'static str; 7] = [
        "major",
        "contract",
        "code",
        "locked_slots",
        "upgraders",
        "code_slot",
        "permissions",
    ];

    const MEMBER_NAMES: [&'static str; 7] = [
        "Major",
        "Contract",
        "Code",
        "LockedSlots",
        "Upgraders",
        "CodeSlot",
        "Permissions",
    ];

    const VALUE_GENERATIONS: [&'static [AbiGeneration]; 7] = [
        &[AbiGeneration::V03],
        &[AbiGeneration::V03],
        &[AbiGeneration::V03],
        &[AbiGeneration::V03],
        &[AbiGeneration::V03],
        &[AbiGeneration::V03],
        &[AbiGeneration::V03],
    ];

    /// The raw value.
    pub const fn value(self) -> u32 {
        Self::VALUES[self.0 as usize]
    }

    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        Self::NAMES[self.0 as usize]
    }

    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = &[AbiGeneration::V03];

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {
        Self::VALUE_GENERATIONS[self.0 as usize]
    }

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {
        generations_contain(self.generations(), generation)
    }

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [RootOffsets] {
        match generation {
            AbiGeneration::V02 => &[],
            AbiGeneration::V03 => &[
                RootOffsets::Major,
                RootOffsets::Contract,
                RootOffsets::Code,
                RootOffsets::LockedSlots,
                RootOffsets::Upgraders,
                RootOffsets::CodeSlot,
                RootOffsets::Permissions,
            ],
        }
    }
}

impl From<RootOffsets> for u32 {
    fn from(value: RootOffsets) -> u32 {
        value.value()
    }
}

impl core::str::FromStr for RootOffsets {
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {
        match name {
            "major" => Ok(RootOffsets::Major),
            "contract" => Ok(RootOffsets::Contract),
            "code" => Ok(RootOffsets::Code),
            "locked_slots" => Ok(RootOffsets::LockedSlots),
            "upgraders" => Ok(RootOffsets::Upgraders),
            "code_slot" => Ok(RootOffsets::CodeSlot),
            "permissions" => Ok(RootOffsets::Permissions),
            _ => Err(UnknownValue::name("root_offsets")),
        }
    }
}

impl core::fmt::Display for RootOffsets {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

impl core::fmt::Debug for RootOffsets {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(Self::MEMBER_NAMES[self.0 as usize])
    }
}

/// Bytes the memory limiter charges: per wasm table entry, per file mapping and (v0.3) per file descriptor, runner load, VM spawn and storage page.
///
/// In ABI generations v0.2 and v0.3. In v0.3 one of GenVM's internal (host-side) constants.
///
/// A group of named numbers rather than an enum: two names may share a
/// value, so there is no conversion from the raw value. The members are
/// associated constants, usable as patterns.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MemoryLimiterConsts(u8);

#[allow(non_upper_case_globals)]
impl MemoryLimiterConsts {
    /// `table_entry` = `64`
    pub const TableEntry: MemoryLimiterConsts = MemoryLimiterConsts(0);
    /// `file_mapping` = `256`
    pub const FileMapping: MemoryLimiterConsts = MemoryLimiterConsts(1);
    /// `fd_allocation` = `96`; only in v0.3
    pub const FdAllocation: MemoryLimiterConsts = MemoryLimiterConsts(2);
    /// `runner_load_cost` = `4096`; only in v0.3
    pub const RunnerLoadCost: MemoryLimiterConsts = MemoryLimiterConsts(3);
    /// `vm_spawn_cost` = `134217728`; only in v0.3
    pub const VmSpawnCost: MemoryLimiterConsts = MemoryLimiterConsts(4);
    /// `new_storage_page` = `256`; only in v0.3
    pub const NewStoragePage: MemoryLimiterConsts = MemoryLimiterConsts(5);
    /// `storage_page_inherited` = `128`; only in v0.3
    pub const StoragePageInherited: MemoryLimiterConsts = MemoryLimiterConsts(6);

    /// Every value, in definition order.
    pub const ALL: [MemoryLimiterConsts; 7] = [
        MemoryLimiterConsts::TableEntry,
        MemoryLimiterConsts::FileMapping,
        MemoryLimiterConsts::FdAllocation,
        MemoryLimiterConsts::RunnerLoadCost,
        MemoryLimiterConsts::VmSpawnCost,
        MemoryLimiterConsts::NewStoragePage,
        MemoryLimiterConsts::StoragePageInherited,
    ];

    const VALUES: [u32; 7] = [64, 256, 96, 4096, 134217728, 256, 128];

    const NAMES: [&'static str; 7] = [
        "table_entry",
        "file_mapping",
        "fd_allocation",
        "runner_load_cost",
        "vm_spawn_cost",
        "new_storage_page",
        "storage_page_inherited",
    ];

    const MEMBER_NAMES: [&'static str; 7] = [
        "TableEntry",
        "FileMapping",
        "FdAllocation",
        "RunnerLoadCost",
        "VmSpawnCost",
        "NewStoragePage",
        "StoragePageInherited",
    ];

    const VALUE_GENERATIONS: [&'static [AbiGeneration]; 7] = [
        &[AbiGeneration::V02, AbiGeneration::V03],
        &[AbiGeneration::V02, AbiGeneration::V03],
        &[AbiGeneration::V03],
        &[AbiGeneration::V03],
        &[AbiGeneration::V03],
        &[AbiGeneration::V03],
        &[AbiGeneration::V03],
    ];

    /// The raw value.
    pub const fn value(self) -> u32 {
        Self::VALUES[self.0 as usize]
    }

    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        Self::NAMES[self.0 as usize]
    }

    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = &[AbiGeneration::V02, AbiGeneration::V03];

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {
        Self::VALUE_GENERATIONS[self.0 as usize]
    }

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {
        generations_contain(self.generations(), generation)
    }

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [MemoryLimiterConsts] {
        match generation {
            AbiGeneration::V02 => &[
                MemoryLimiterConsts::TableEntry,
                MemoryLimiterConsts::FileMapping,
            ],
            AbiGeneration::V03 => &[
                MemoryLimiterConsts::TableEntry,
                MemoryLimiterConsts::FileMapping,
                MemoryLimiterConsts::FdAllocation,
                MemoryLimiterConsts::RunnerLoadCost,
                MemoryLimiterConsts::VmSpawnCost,
                MemoryLimiterConsts::NewStoragePage,
                MemoryLimiterConsts::StoragePageInherited,
            ],
        }
    }
}

impl From<MemoryLimiterConsts> for u32 {
    fn from(value: MemoryLimiterConsts) -> u32 {
        value.value()
    }
}

impl core::str::FromStr for MemoryLimiterConsts {
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {
        match name {
            "table_entry" => Ok(MemoryLimiterConsts::TableEntry),
            "file_mapping" => Ok(MemoryLimiterConsts::FileMapping),
            "fd_allocation" => Ok(MemoryLimiterConsts::FdAllocation),
            "runner_load_cost" => Ok(MemoryLimiterConsts::RunnerLoadCost),
            "vm_spawn_cost" => Ok(MemoryLimiterConsts::VmSpawnCost),
            "new_storage_page" => Ok(MemoryLimiterConsts::NewStoragePage),
            "storage_page_inherited" => Ok(MemoryLimiterConsts::StoragePageInherited),
            _ => Err(UnknownValue::name("memory_limiter_consts")),
        }
    }
}

impl core::fmt::Display for MemoryLimiterConsts {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

impl core::fmt::Debug for MemoryLimiterConsts {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(Self::MEMBER_NAMES[self.0 as usize])
    }
}

/// Method names reserved by the host.
///
/// In ABI generations v0.2 and v0.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpecialMethod {
    /// `get_schema` = `#get-schema`
    GetSchema,
    /// `errored_message` = `#error`
    ErroredMessage,
}

impl SpecialMethod {
    /// Every value, in definition order.
    pub const ALL: [SpecialMethod; 2] = [SpecialMethod::GetSchema, SpecialMethod::ErroredMessage];

    /// The raw value.
    pub const fn value(self) -> &'static str {
        match self {
            SpecialMethod::GetSchema => "#get-schema",
            SpecialMethod::ErroredMessage => "#error",
        }
    }

    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            SpecialMethod::GetSchema => "get_schema",
            SpecialMethod::ErroredMessage => "errored_message",
        }
    }

    /// The raw value (same as [`Self::value`]).
    pub const fn as_str(self) -> &'static str {
        self.value()
    }

    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = &[AbiGeneration::V02, AbiGeneration::V03];

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {
        match self {
            SpecialMethod::GetSchema => &[AbiGeneration::V02, AbiGeneration::V03],
            SpecialMethod::ErroredMessage => &[AbiGeneration::V02, AbiGeneration::V03],
        }
    }

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {
        generations_contain(self.generations(), generation)
    }

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [SpecialMethod] {
        match generation {
            AbiGeneration::V02 => &[SpecialMethod::GetSchema, SpecialMethod::ErroredMessage],
            AbiGeneration::V03 => &[SpecialMethod::GetSchema, SpecialMethod::ErroredMessage],
        }
    }
}

impl<'a> TryFrom<&'a str> for SpecialMethod {
    type Error = UnknownValue;

    fn try_from(value: &'a str) -> Result<Self, UnknownValue> {
        match value {
            "#get-schema" => Ok(SpecialMethod::GetSchema),
            "#error" => Ok(SpecialMethod::ErroredMessage),
            _ => Err(UnknownValue::value("special_method")),
        }
    }
}

impl From<SpecialMethod> for &'static str {
    fn from(value: SpecialMethod) -> &'static str {
        value.value()
    }
}

impl core::str::FromStr for SpecialMethod {
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {
        match name {
            "get_schema" => Ok(SpecialMethod::GetSchema),
            "errored_message" => Ok(SpecialMethod::ErroredMessage),
            _ => Err(UnknownValue::name("special_method")),
        }
    }
}

impl core::fmt::Display for SpecialMethod {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.value())
    }
}

/// Well-known VM_ERROR messages.
///
/// In ABI generations v0.2 and v0.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VmError {
    /// `timeout` = `timeout`
    Timeout,
    /// `validator_disagrees` = `validator_disagrees`; only in v0.2
    ValidatorDisagrees,
    /// `version_too_big` = `version_too_big`; only in v0.2
    VersionTooBig,
    /// `oom` = `OOM`; only in v0.2
    Oom,
    /// `invalid_contract` = `invalid_contract`
    InvalidContract,
}

impl VmError {
    /// Every value, in definition order.
    pub const ALL: [VmError; 5] = [
        VmError::Timeout,
        VmError::ValidatorDisagrees,
        VmError::VersionTooBig,
        VmError::Oom,
        VmError::InvalidContract,
    ];

    /// The raw value.
    pub const fn value(self) -> &'static str {
        match self {
            VmError::Timeout => "timeout",
            VmError::ValidatorDisagrees => "validator_disagrees",
            VmError::VersionTooBig => "version_too_big",
            VmError::Oom => "OOM",
            VmError::InvalidContract => "invalid_contract",
        }
    }

    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            VmError::Timeout => "timeout",
            VmError::ValidatorDisagrees => "validator_disagrees",
            VmError::VersionTooBig => "version_too_big",
            VmError::Oom => "oom",
            VmError::InvalidContract => "invalid_contract",
        }
    }

    /// The raw value (same as [`Self::value`]).
    pub const fn as_str(self) -> &'static str {
        self.value()
    }

    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = &[AbiGeneration::V02, AbiGeneration::V03];

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {
        match self {
            VmError::Timeout => &[AbiGeneration::V02, AbiGeneration::V03],
            VmError::ValidatorDisagrees => &[AbiGeneration::V02],
            VmError::VersionTooBig => &[AbiGeneration::V02],
            VmError::Oom => &[AbiGeneration::V02],
            VmError::InvalidContract => &[AbiGeneration::V02, AbiGeneration::V03],
        }
    }

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {
        generations_contain(self.generations(), generation)
    }

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [VmError] {
        match generation {
            AbiGeneration::V02 => &[
                VmError::Timeout,
                VmError::ValidatorDisagrees,
                VmError::VersionTooBig,
                VmError::Oom,
                VmError::InvalidContract,
            ],
            AbiGeneration::V03 => &[VmError::Timeout, VmError::InvalidContract],
        }
    }
}

impl<'a> TryFrom<&'a str> for VmError {
    type Error = UnknownValue;

    fn try_from(value: &'a str) -> Result<Self, UnknownValue> {
        match value {
            "timeout" => Ok(VmError::Timeout),
            "validator_disagrees" => Ok(VmError::ValidatorDisagrees),
            "version_too_big" => Ok(VmError::VersionTooBig),
            "OOM" => Ok(VmError::Oom),
            "invalid_contract" => Ok(VmError::InvalidContract),
            _ => Err(UnknownValue::value("vm_error")),
        }
    }
}

impl From<VmError> for &'static str {
    fn from(value: VmError) -> &'static str {
        value.value()
    }
}

impl core::str::FromStr for VmError {
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {
        match name {
            "timeout" => Ok(VmError::Timeout),
            "validator_disagrees" => Ok(VmError::ValidatorDisagrees),
            "version_too_big" => Ok(VmError::VersionTooBig),
            "oom" => Ok(VmError::Oom),
            "invalid_contract" => Ok(VmError::InvalidContract),
            _ => Err(UnknownValue::name("vm_error")),
        }
    }
}

impl core::fmt::Display for VmError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.value())
    }
}

/// The public codes of v0.3 VM errors (a code path and its parameter type, if any) and the known details.
///
/// In ABI generation v0.3 only.
///
/// A message is a code's path, then its parameter after one space if the
/// code takes one, then optionally ` # ` and one of [`VM_ERROR_CODE_DETAILS`]:
/// `leader_fault nondet_output uses_this_error text # internal`.
/// A node of the tree that is not listed (such as `leader_fault`) is not a code
/// by itself.
pub const VM_ERROR_CODE: &[StrTrieCode] = &[
    StrTrieCode {
        path: "timeout",
        param: None,
    },
    StrTrieCode {
        path: "malformed_entry",
        param: None,
    },
    StrTrieCode {
        path: "leader_fault nondet_output absent",
        param: None,
    },
    StrTrieCode {
        path: "leader_fault nondet_output malformed",
        param: None,
    },
    StrTrieCode {
        path: "leader_fault nondet_output uses_this_error",
        param: Some(StrTrieParam::Str),
    },
    StrTrieCode {
        path: "leader_fault nondet_output extra",
        param: Some(StrTrieParam::Str),
    },
    StrTrieCode {
        path: "exit_code",
        param: Some(StrTrieParam::I32),
    },
    StrTrieCode {
        path: "wasm_trap",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap unreachable",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap stack_overflow",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap memory_out_of_bounds",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap table_out_of_bounds",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap indirect_call_to_null",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap bad_signature",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap integer_overflow",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap integer_divide_by_zero",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap bad_conversion_to_integer",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap heap_misaligned",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap atomic_wait_non_shared_memory",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap out_of_fuel",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap interrupt",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap nondet_instruction",
        param: None,
    },
    StrTrieCode {
        path: "wasm_trap fault",
        param: None,
    },
    StrTrieCode {
        path: "out_of memory",
        param: None,
    },
    StrTrieCode {
        path: "out_of memory wasm_memory",
        param: None,
    },
    StrTrieCode {
        path: "out_of memory wasm_table",
        param: None,
    },
    StrTrieCode {
        path: "out_of storage",
        param: None,
    },
    StrTrieCode {
        path: "out_of receipt nondet_output",
        param: None,
    },
    StrTrieCode {
        path: "out_of receipt message",
        param: None,
    },
    StrTrieCode {
        path: "out_of receipt event",
        param: None,
    },
    StrTrieCode {
        path: "out_of message_fee total",
        param: None,
    },
    StrTrieCode {
        path: "out_of message_fee node",
        param: None,
    },
    StrTrieCode {
        path: "out_of vm_recursion",
        param: None,
    },
    StrTrieCode {
        path: "out_of nondet_blocks",
        param: None,
    },
    StrTrieCode {
        path: "out_of locked_slots",
        param: None,
    },
    StrTrieCode {
        path: "out_of upgraders",
        param: None,
    },
    StrTrieCode {
        path: "out_of fds",
        param: None,
    },
    StrTrieCode {
        path: "fee no_matching_node",
        param: None,
    },
    StrTrieCode {
        path: "fee below_minimum",
        param: None,
    },
    StrTrieCode {
        path: "fee too_many_rounds",
        param: None,
    },
    StrTrieCode {
        path: "forbidden",
        param: None,
    },
    StrTrieCode {
        path: "evm reverted",
        param: None,
    },
    StrTrieCode {
        path: "invalid_contract",
        param: None,
    },
    StrTrieCode {
        path: "invalid_contract runner absent",
        param: None,
    },
    StrTrieCode {
        path: "invalid_contract runner malformed",
        param: None,
    },
    StrTrieCode {
        path: "invalid_contract not_utf8_text",
        param: None,
    },
    StrTrieCode {
        path: "invalid_contract major_mismatch",
        param: None,
    },
    StrTrieCode {
        path: "invalid_contract wasm validating",
        param: None,
    },
    StrTrieCode {
        path: "invalid_contract wasm linking",
        param: None,
    },
    StrTrieCode {
        path: "invalid_contract wasm entrypoint",
        param: None,
    },
];

/// The details a [`VM_ERROR_CODE`] message may end with, after ` # `.
pub const VM_ERROR_CODE_DETAILS: &[&str] = &["internal", "external"];

/// The ABI generations that have [`VM_ERROR_CODE`] and [`VM_ERROR_CODE_DETAILS`].
pub const VM_ERROR_CODE_GENERATIONS: &[AbiGeneration] = &[AbiGeneration::V03];

/// The rule of calldata.md an input breaks; the numbers are the C library's first error codes.
///
/// In ABI generations v0.2 and v0.3. This crate's own definition, not GenVM's: the same in every generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
#[non_exhaustive]
pub enum CalldataErrorKind {
    /// input ends inside a ULEB128 number (`truncated_uleb` = `1`)
    TruncatedUleb = 1,
    /// non-canonical ULEB128 (trailing zero byte) (`non_canonical_uleb` = `2`)
    NonCanonicalUleb = 2,
    /// reserved type tag 7 (`reserved_type` = `3`)
    ReservedType = 3,
    /// invalid atom (`invalid_atom` = `4`)
    InvalidAtom = 4,
    /// length or count of 2^32 or more (`length_too_large` = `5`)
    LengthTooLarge = 5,
    /// length runs past the end of the input (`length_past_end` = `6`)
    LengthPastEnd = 6,
    /// invalid UTF-8 (`invalid_utf8` = `7`)
    InvalidUtf8 = 7,
    /// duplicate map key (`duplicate_key` = `8`)
    DuplicateKey = 8,
    /// map keys out of order (`unsorted_keys` = `9`)
    UnsortedKeys = 9,
    /// containers nested deeper than the depth limit (`too_deep` = `10`)
    TooDeep = 10,
    /// trailing bytes after the value (`trailing_bytes` = `11`)
    TrailingBytes = 11,
}

impl CalldataErrorKind {
    /// Every value, in definition order.
    pub const ALL: [CalldataErrorKind; 11] = [
        CalldataErrorKind::TruncatedUleb,
        CalldataErrorKind::NonCanonicalUleb,
        CalldataErrorKind::ReservedType,
        CalldataErrorKind::InvalidAtom,
        CalldataErrorKind::LengthTooLarge,
        CalldataErrorKind::LengthPastEnd,
        CalldataErrorKind::InvalidUtf8,
        CalldataErrorKind::DuplicateKey,
        CalldataErrorKind::UnsortedKeys,
        CalldataErrorKind::TooDeep,
        CalldataErrorKind::TrailingBytes,
    ];

    /// The raw value.
    pub const fn value(self) -> u8 {
        self as u8
    }

    /// The snake_case name.
    pub const fn name(self) -> &'static str {
        match self {
            CalldataErrorKind::TruncatedUleb => "truncated_uleb",
            CalldataErrorKind::NonCanonicalUleb => "non_canonical_uleb",
            CalldataErrorKind::ReservedType => "reserved_type",
            CalldataErrorKind::InvalidAtom => "invalid_atom",
            CalldataErrorKind::LengthTooLarge => "length_too_large",
            CalldataErrorKind::LengthPastEnd => "length_past_end",
            CalldataErrorKind::InvalidUtf8 => "invalid_utf8",
            CalldataErrorKind::DuplicateKey => "duplicate_key",
            CalldataErrorKind::UnsortedKeys => "unsorted_keys",
            CalldataErrorKind::TooDeep => "too_deep",
            CalldataErrorKind::TrailingBytes => "trailing_bytes",
        }
    }

    /// A short description for people, as error messages show it.
    pub const fn description(self) -> &'static str {
        match self {
            CalldataErrorKind::TruncatedUleb => "input ends inside a ULEB128 number",
            CalldataErrorKind::NonCanonicalUleb => "non-canonical ULEB128 (trailing zero byte)",
            CalldataErrorKind::ReservedType => "reserved type tag 7",
            CalldataErrorKind::InvalidAtom => "invalid atom",
            CalldataErrorKind::LengthTooLarge => "length or count of 2^32 or more",
            CalldataErrorKind::LengthPastEnd => "length runs past the end of the input",
            CalldataErrorKind::InvalidUtf8 => "invalid UTF-8",
            CalldataErrorKind::DuplicateKey => "duplicate map key",
            CalldataErrorKind::UnsortedKeys => "map keys out of order",
            CalldataErrorKind::TooDeep => "containers nested deeper than the depth limit",
            CalldataErrorKind::TrailingBytes => "trailing bytes after the value",
        }
    }

    /// The ABI generations that have this definition.
    pub const GENERATIONS: &'static [AbiGeneration] = &[AbiGeneration::V02, AbiGeneration::V03];

    /// The ABI generations that have this value.
    pub const fn generations(self) -> &'static [AbiGeneration] {
        match self {
            CalldataErrorKind::TruncatedUleb => &[AbiGeneration::V02, AbiGeneration::V03],
            CalldataErrorKind::NonCanonicalUleb => &[AbiGeneration::V02, AbiGeneration::V03],
            CalldataErrorKind::ReservedType => &[AbiGeneration::V02, AbiGeneration::V03],
            CalldataErrorKind::InvalidAtom => &[AbiGeneration::V02, AbiGeneration::V03],
            CalldataErrorKind::LengthTooLarge => &[AbiGeneration::V02, AbiGeneration::V03],
            CalldataErrorKind::LengthPastEnd => &[AbiGeneration::V02, AbiGeneration::V03],
            CalldataErrorKind::InvalidUtf8 => &[AbiGeneration::V02, AbiGeneration::V03],
            CalldataErrorKind::DuplicateKey => &[AbiGeneration::V02, AbiGeneration::V03],
            CalldataErrorKind::UnsortedKeys => &[AbiGeneration::V02, AbiGeneration::V03],
            CalldataErrorKind::TooDeep => &[AbiGeneration::V02, AbiGeneration::V03],
            CalldataErrorKind::TrailingBytes => &[AbiGeneration::V02, AbiGeneration::V03],
        }
    }

    /// Whether ABI generation `generation` has this value.
    pub const fn in_generation(self, generation: AbiGeneration) -> bool {
        generations_contain(self.generations(), generation)
    }

    /// The values ABI generation `generation` has, in definition order (none
    /// if that generation has not this definition).
    pub const fn all_in(generation: AbiGeneration) -> &'static [CalldataErrorKind] {
        match generation {
            AbiGeneration::V02 => &[
                CalldataErrorKind::TruncatedUleb,
                CalldataErrorKind::NonCanonicalUleb,
                CalldataErrorKind::ReservedType,
                CalldataErrorKind::InvalidAtom,
                CalldataErrorKind::LengthTooLarge,
                CalldataErrorKind::LengthPastEnd,
                CalldataErrorKind::InvalidUtf8,
                CalldataErrorKind::DuplicateKey,
                CalldataErrorKind::UnsortedKeys,
                CalldataErrorKind::TooDeep,
                CalldataErrorKind::TrailingBytes,
            ],
            AbiGeneration::V03 => &[
                CalldataErrorKind::TruncatedUleb,
                CalldataErrorKind::NonCanonicalUleb,
                CalldataErrorKind::ReservedType,
                CalldataErrorKind::InvalidAtom,
                CalldataErrorKind::LengthTooLarge,
                CalldataErrorKind::LengthPastEnd,
                CalldataErrorKind::InvalidUtf8,
                CalldataErrorKind::DuplicateKey,
                CalldataErrorKind::UnsortedKeys,
                CalldataErrorKind::TooDeep,
                CalldataErrorKind::TrailingBytes,
            ],
        }
    }
}

impl TryFrom<u8> for CalldataErrorKind {
    type Error = UnknownValue;

    fn try_from(value: u8) -> Result<Self, UnknownValue> {
        match value {
            1 => Ok(CalldataErrorKind::TruncatedUleb),
            2 => Ok(CalldataErrorKind::NonCanonicalUleb),
            3 => Ok(CalldataErrorKind::ReservedType),
            4 => Ok(CalldataErrorKind::InvalidAtom),
            5 => Ok(CalldataErrorKind::LengthTooLarge),
            6 => Ok(CalldataErrorKind::LengthPastEnd),
            7 => Ok(CalldataErrorKind::InvalidUtf8),
            8 => Ok(CalldataErrorKind::DuplicateKey),
            9 => Ok(CalldataErrorKind::UnsortedKeys),
            10 => Ok(CalldataErrorKind::TooDeep),
            11 => Ok(CalldataErrorKind::TrailingBytes),
            _ => Err(UnknownValue::number("calldata_error_kind", value as u64)),
        }
    }
}

impl From<CalldataErrorKind> for u8 {
    fn from(value: CalldataErrorKind) -> u8 {
        value.value()
    }
}

impl core::str::FromStr for CalldataErrorKind {
    type Err = UnknownValue;

    /// Parses the snake_case name.
    fn from_str(name: &str) -> Result<Self, UnknownValue> {
        match name {
            "truncated_uleb" => Ok(CalldataErrorKind::TruncatedUleb),
            "non_canonical_uleb" => Ok(CalldataErrorKind::NonCanonicalUleb),
            "reserved_type" => Ok(CalldataErrorKind::ReservedType),
            "invalid_atom" => Ok(CalldataErrorKind::InvalidAtom),
            "length_too_large" => Ok(CalldataErrorKind::LengthTooLarge),
            "length_past_end" => Ok(CalldataErrorKind::LengthPastEnd),
            "invalid_utf8" => Ok(CalldataErrorKind::InvalidUtf8),
            "duplicate_key" => Ok(CalldataErrorKind::DuplicateKey),
            "unsorted_keys" => Ok(CalldataErrorKind::UnsortedKeys),
            "too_deep" => Ok(CalldataErrorKind::TooDeep),
            "trailing_bytes" => Ok(CalldataErrorKind::TrailingBytes),
            _ => Err(UnknownValue::name("calldata_error_kind")),
        }
    }
}

impl core::fmt::Display for CalldataErrorKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// Most topics one emitted event may carry.
///
/// In ABI generations v0.2 and v0.3.
pub const EVENT_MAX_TOPICS: u32 = 4;

/// The ABI generations that have [`EVENT_MAX_TOPICS`].
pub const EVENT_MAX_TOPICS_GENERATIONS: &[AbiGeneration] =
    &[AbiGeneration::V02, AbiGeneration::V03];

/// Version assumed for a contract that declares none.
///
/// In ABI generation v0.2 only.
pub const ABSENT_VERSION: &str = "v0.1.0";

/// The ABI generations that have [`ABSENT_VERSION`].
pub const ABSENT_VERSION_GENERATIONS: &[AbiGeneration] = &[AbiGeneration::V02];

/// Storage slot offset where a contract's code lives.
///
/// In ABI generation v0.2 only.
pub const CODE_SLOT_OFFSET: u32 = 1;

/// The ABI generations that have [`CODE_SLOT_OFFSET`].
pub const CODE_SLOT_OFFSET_GENERATIONS: &[AbiGeneration] = &[AbiGeneration::V02];
