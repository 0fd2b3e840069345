package dev.kmipjca.protocol;

/**
 * A managed object as it travels in Register requests and Get responses. The four kinds this
 * provider uses are typed; any other object (Public Key, Split Key, Template, Opaque Object, PGP Key,
 * Certificate Request) is kept as a {@link RawObject}.
 */
public sealed interface ManagedObject permits SymmetricKey, SecretData, PrivateKey, Certificate, RawObject {
    ObjectType objectType();
}
