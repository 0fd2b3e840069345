package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.LINKED_OBJECT_IDENTIFIER;
import static dev.kmipjca.ttlv.Tag.LINK_TYPE;

/** The Link attribute: Link Type and Linked Object Identifier. */
public record Link(
        @TtlvField(value = LINK_TYPE, required = true) LinkType type,
        @TtlvField(value = LINKED_OBJECT_IDENTIFIER, required = true) UniqueId linkedObjectIdentifier) {}
