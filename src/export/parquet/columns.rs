//! Column builders shared by the Parquet tables: one typed builder per column, filled row by
//! row and finished into one Arrow record batch.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};

use crate::model::{Day, UncertainDate};

/// A column's builder: the Arrow types the tables use, nothing else.
pub(super) enum Column {
    /// UTF-8 text.
    Text(StringBuilder),
    /// A list of UTF-8 texts (ids).
    Texts(ListBuilder<StringBuilder>),
    /// A calendar day (days since 1970-01-01, as [`Day`] counts them).
    Date(Date32Builder),
    /// A flag.
    Flag(BooleanBuilder),
    /// A small count or position.
    Int32(Int32Builder),
    /// A byte offset or row number.
    Int64(Int64Builder),
}

impl Column {
    fn new(data_type: &DataType) -> Column {
        match data_type {
            DataType::Utf8 => Column::Text(StringBuilder::new()),
            DataType::List(_) => Column::Texts(ListBuilder::new(StringBuilder::new())),
            DataType::Date32 => Column::Date(Date32Builder::new()),
            DataType::Boolean => Column::Flag(BooleanBuilder::new()),
            DataType::Int32 => Column::Int32(Int32Builder::new()),
            DataType::Int64 => Column::Int64(Int64Builder::new()),
            other => unreachable!("no Parquet table has a {other} column"),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Text(b) => Arc::new(b.finish()),
            Column::Texts(b) => Arc::new(b.finish()),
            Column::Date(b) => Arc::new(b.finish()),
            Column::Flag(b) => Arc::new(b.finish()),
            Column::Int32(b) => Arc::new(b.finish()),
            Column::Int64(b) => Arc::new(b.finish()),
        }
    }
}

/// A schema field: `name`, its type, and whether it may be null.
pub(super) fn field(name: &str, data_type: DataType, nullable: bool) -> Field {
    Field::new(name, data_type, nullable)
}

/// A list of texts (ids): never null, maybe empty.
pub(super) fn texts(name: &str) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))),
        false,
    )
}

/// The rows of one batch, column by column, in schema order: each `push_*` call fills the next
/// column of the current row, and [`Batch::end_row`] checks that the row is whole.
pub(super) struct Batch {
    schema: SchemaRef,
    columns: Vec<Column>,
    /// The column the next value goes to.
    next: usize,
}

impl Batch {
    /// An empty batch of `schema`.
    pub(super) fn new(schema: &SchemaRef) -> Batch {
        Batch {
            schema: Arc::clone(schema),
            columns: schema
                .fields()
                .iter()
                .map(|f| Column::new(f.data_type()))
                .collect(),
            next: 0,
        }
    }

    fn column(&mut self) -> &mut Column {
        let at = self.next;
        self.next += 1;
        &mut self.columns[at]
    }

    /// A text, or null.
    pub(super) fn text(&mut self, value: Option<&str>) -> &mut Batch {
        match self.column() {
            Column::Text(b) => b.append_option(value),
            _ => unreachable!("column is not text"),
        }
        self
    }

    /// A list of texts.
    pub(super) fn texts<'a>(&mut self, values: impl IntoIterator<Item = &'a str>) -> &mut Batch {
        match self.column() {
            Column::Texts(b) => {
                for value in values {
                    b.values().append_value(value);
                }
                b.append(true);
            }
            _ => unreachable!("column is not a list of texts"),
        }
        self
    }

    /// A day; null for [`Day::MIN`] and [`Day::MAX`] (unbounded).
    pub(super) fn day(&mut self, value: Option<Day>) -> &mut Batch {
        let value = value.filter(|d| *d != Day::MIN && *d != Day::MAX);
        match self.column() {
            Column::Date(b) => b.append_option(value.map(|d| d.0)),
            _ => unreachable!("column is not a date"),
        }
        self
    }

    /// A flag.
    pub(super) fn flag(&mut self, value: bool) -> &mut Batch {
        match self.column() {
            Column::Flag(b) => b.append_value(value),
            _ => unreachable!("column is not a flag"),
        }
        self
    }

    /// A 32-bit integer, or null.
    pub(super) fn int32(&mut self, value: Option<i32>) -> &mut Batch {
        match self.column() {
            Column::Int32(b) => b.append_option(value),
            _ => unreachable!("column is not an int32"),
        }
        self
    }

    /// A 64-bit integer, or null.
    pub(super) fn int64(&mut self, value: Option<i64>) -> &mut Batch {
        match self.column() {
            Column::Int64(b) => b.append_option(value),
            _ => unreachable!("column is not an int64"),
        }
        self
    }

    /// An uncertain date as three columns: its EDTF text, earliest and latest possible day.
    pub(super) fn uncertain(&mut self, date: Option<&UncertainDate>) -> &mut Batch {
        let text = date.map(ToString::to_string);
        self.text(text.as_deref())
            .day(date.map(UncertainDate::earliest))
            .day(date.map(UncertainDate::latest))
    }

    /// Closes the current row.
    pub(super) fn end_row(&mut self) {
        debug_assert_eq!(self.next, self.columns.len(), "a row fills every column");
        self.next = 0;
    }

    /// The rows as a record batch; the batch is empty again.
    pub(super) fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        let arrays: Vec<ArrayRef> = self.columns.iter_mut().map(Column::finish).collect();
        RecordBatch::try_new(Arc::clone(&self.schema), arrays)
    }
}

/// A schema of `fields`, with no metadata (so the files do not depend on anything else).
pub(super) fn schema(fields: Vec<Field>) -> SchemaRef {
    Arc::new(Schema::new(fields))
}
