"""Patient identifiers in stored records and in what a document would let out."""
