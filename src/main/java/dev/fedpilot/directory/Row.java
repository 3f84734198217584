package dev.fedpilot.directory;

/** A row of a browsable list: an id and a lowercase search key computed once, when the row is loaded. */
public interface Row {

    String id();

    /** The searchable fields in lowercase, separated by newlines so a match never spans two fields. */
    String searchKey();
}
