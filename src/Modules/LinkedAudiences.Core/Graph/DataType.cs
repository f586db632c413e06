namespace LinkedAudiences.Core.Graph;

/// <summary>The column types a data graph can describe; JSON names are upper case as in the seeds' table.</summary>
public enum DataType
{
    Number,
    String,
    Boolean,
    Date,
    Time,
    Timestamp,
}
