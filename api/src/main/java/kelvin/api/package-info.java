/**
 * The declarations every configurable component makes: a {@link kelvin.api.Component} names its
 * {@link kelvin.api.Kind}, its config name, its {@link kelvin.api.Key keys} and builds itself from
 * validated {@link kelvin.api.Settings}. Kelvin finds built-ins and plug-ins alike through
 * {@link java.util.ServiceLoader}; validation, {@code kelvin list}, {@code kelvin schema} and the
 * resolved {@code config.yaml} are all read from these declarations.
 */
package kelvin.api;
